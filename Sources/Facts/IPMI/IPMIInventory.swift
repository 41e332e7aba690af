/// Reads the BMC's facts through a transport: the pieces `mkagent facts` and `mkagent ipmi ...` share.
/// Each piece that fails adds a diagnostic and leaves its part of the section out.
public struct IPMIInventory {
    public var manufacturers: IPMIManufacturers
    public var diagnostics: [Diagnostic] = []
    let path: String?

    public init(manufacturers: IPMIManufacturers = .builtIn, path: String? = nil) {
        self.manufacturers = manufacturers
        self.path = path
    }

    mutating func note(_ error: IPMIError, _ what: String, severity: Diagnostic.Severity = .warning) {
        diagnostics.append(Diagnostic(collector: "ipmi", path: path, error: "\(what): \(error)", severity: severity))
    }

    public mutating func deviceID(_ transport: some IPMITransport) -> IPMIDeviceID? {
        do {
            return try IPMIDeviceID(response: transport.call(IPMIDeviceID.request), manufacturers: manufacturers)
        } catch {
            note(error, "Get Device ID failed; the BMC is not queried further", severity: .error)
            return nil
        }
    }

    public mutating func deviceGUID(_ transport: some IPMITransport) -> String? {
        do {
            return try IPMIDeviceGUID.decode(response: transport.call(IPMIDeviceGUID.request))
        } catch {
            note(error, "Get Device GUID failed; device_guid left out")
            return nil
        }
    }

    public mutating func selfTest(_ transport: some IPMITransport) -> IPMISelfTest? {
        do {
            return try IPMISelfTest(response: transport.call(IPMISelfTest.request))
        } catch {
            note(error, "Get Self Test Results failed; self_test left out")
            return nil
        }
    }

    public mutating func chassisStatus(_ transport: some IPMITransport) -> IPMIChassisStatus? {
        do {
            return try IPMIChassisStatus(response: transport.call(IPMIChassisStatus.request))
        } catch {
            note(error, "Get Chassis Status failed; chassis left out")
            return nil
        }
    }

    /// The LAN channels among 1-11 (Get Channel Info), or just `only` when given, with their parameters.
    public mutating func lanChannels(_ transport: some IPMITransport, only: UInt8? = nil) -> [IPMILANConfiguration] {
        var channels: [UInt8] = []
        for channel in only.map({ [$0] }) ?? Array(1...11) {
            do {
                if IPMIChannelInfo.isLAN(response: try transport.call(IPMIChannelInfo.request(channel))) {
                    channels.append(channel)
                }
            } catch {
                // A BMC without the command (0xC1) or that timed out will not answer for the next channel either.
                if case .completion(_, let code) = error, code.rawValue != 0xC1, code != .timeout { continue }
                note(error, "Get Channel Info \(channel) failed; no LAN channels reported")
                break
            }
        }
        var configurations: [IPMILANConfiguration] = []
        for channel in channels {
            var configuration = IPMILANConfiguration(channel: channel)
            for parameter in IPMILANConfiguration.parameters {
                do throws(IPMIError) {
                    let response = try transport.call(IPMILANConfiguration.request(channel: channel, parameter: parameter))
                    configuration.apply(parameter: parameter, response: response)
                } catch {
                    if case .completion(_, let code) = error, IPMILANConfiguration.absentParameterCodes.contains(code.rawValue) {
                        continue
                    }
                    // ipmitool reads on past a failed VLAN id or priority, and stops at any other failure.
                    if configuration.failedParameter == nil && parameter != 20 && parameter != 21 {
                        configuration.failedParameter = parameter
                        note(error, "LAN parameter \(parameter) of channel \(channel) not read; the others are")
                    }
                }
            }
            configurations.append(configuration)
        }
        return configurations
    }

    public mutating func fru(_ transport: some IPMITransport, id: UInt8 = 0) -> IPMIFRU? {
        do {
            let fru = try IPMIFRU(id: id, image: IPMIFRUReader.read(id, from: transport))
            for problem in fru.problems {
                diagnostics.append(Diagnostic(collector: "ipmi", path: path, error: "FRU \(id): \(problem); the rest is decoded"))
            }
            return fru
        } catch {
            note(error, "FRU \(id) not read")
            return nil
        }
    }

    public mutating func selInfo(_ transport: some IPMITransport) -> IPMISELInfo? {
        do {
            var info = try IPMISELInfo(response: transport.call(IPMISELInfo.request))
            if info.supportedCommands.contains("Get Alloc Info") {
                try info.applyAllocation(response: transport.call(IPMISELInfo.allocationRequest))
            }
            return info
        } catch {
            note(error, "Get SEL Info failed; sel left out")
            return nil
        }
    }

    public mutating func selEntries(_ transport: some IPMITransport) -> [IPMISELEntry] {
        do {
            return try IPMISELEntry.readAll(from: transport)
        } catch {
            note(error, "reading the SEL failed; sel_entries left out")
            return []
        }
    }

    public mutating func users(_ transport: some IPMITransport, channel: UInt8) -> IPMIChannelUsers? {
        do {
            let (summary, users) = try IPMIUser.readAll(channel: channel, from: transport)
            return IPMIChannelUsers(summary: summary, users: users)
        } catch {
            note(error, "users of channel \(channel) not read")
            return nil
        }
    }

    /// Everything, as the `ipmi` facts section.
    public mutating func facts(_ transport: some IPMITransport, interface: String?) -> IPMIFacts {
        var facts = IPMIFacts(interface: interface)
        guard let device = deviceID(transport) else { return facts }
        facts.device = device
        facts.deviceGUID = deviceGUID(transport)
        facts.selfTest = selfTest(transport)
        facts.chassis = chassisStatus(transport)
        facts.lanChannels = lanChannels(transport)
        facts.users = facts.lanChannels.compactMap { users(transport, channel: $0.channel) }
        if let fru = fru(transport) { facts.fru = [fru] }
        facts.sel = selInfo(transport)
        if let sel = facts.sel, sel.entries > 0 { facts.selEntries = selEntries(transport) }
        return facts
    }
}
