/// Get Chassis Status (Chassis netfn, cmd 0x01; IPMI 2.0 section 28.2): what `ipmitool chassis status` shows.
public struct IPMIChassisStatus: Sendable, Equatable, Codable {
    public var powerOn: Bool
    public var powerOverload: Bool
    public var powerInterlock: Bool
    public var mainPowerFault: Bool
    public var powerControlFault: Bool
    /// always-off, previous, always-on or unknown.
    public var powerRestorePolicy: String
    /// The causes of the last power event: ac-failed, overload, interlock, fault, command.
    public var lastPowerEvent: [String]
    public var chassisIntrusion: Bool
    public var frontPanelLockout: Bool
    public var driveFault: Bool
    public var coolingFault: Bool
    /// The optional front panel button capabilities byte.
    public var frontPanelControl: UInt8?

    public static let request = IPMIRequest(netFn: IPMIRequest.netFnChassis, command: 0x01)

    public init(response data: [UInt8]) throws(IPMIError) {
        guard data.count >= 3 else {
            throw .malformed(what: "Get Chassis Status", detail: "response has \(data.count) data bytes, at least 3 expected")
        }
        powerOn = data[0] & 0x01 != 0
        powerOverload = data[0] & 0x02 != 0
        powerInterlock = data[0] & 0x04 != 0
        mainPowerFault = data[0] & 0x08 != 0
        powerControlFault = data[0] & 0x10 != 0
        powerRestorePolicy = ["always-off", "previous", "always-on", "unknown"][Int((data[0] >> 5) & 0x03)]
        lastPowerEvent = [(0x01, "ac-failed"), (0x02, "overload"), (0x04, "interlock"), (0x08, "fault"), (0x10, "command")]
            .filter { data[1] & $0.0 != 0 }.map(\.1)
        chassisIntrusion = data[2] & 0x01 != 0
        frontPanelLockout = data[2] & 0x02 != 0
        driveFault = data[2] & 0x04 != 0
        coolingFault = data[2] & 0x08 != 0
        frontPanelControl = data.count > 3 ? data[3] : nil
    }
}

/// Get/Set System Boot Options (Chassis netfn, cmds 0x09/0x08; IPMI 2.0 section 28.12-28.13).
public enum IPMIBootOptions {
    /// Boot devices of the boot flags parameter (5), data byte 2 bits 5:2, by ipmitool's names.
    public static let devices: [String: UInt8] = [
        "none": 0x00, "pxe": 0x04, "force_pxe": 0x04, "disk": 0x08, "force_disk": 0x08, "safe": 0x0C,
        "diag": 0x10, "cdrom": 0x14, "force_cdrom": 0x14, "bios": 0x18, "force_bios": 0x18, "floppy": 0x3C,
    ]

    public static func setRequest(parameter: UInt8, data: [UInt8]) -> IPMIRequest {
        IPMIRequest(netFn: IPMIRequest.netFnChassis, command: 0x08, data: [parameter & 0x7F] + data)
    }

    public static func getRequest(parameter: UInt8) -> IPMIRequest {
        IPMIRequest(netFn: IPMIRequest.netFnChassis, command: 0x09, data: [parameter & 0x7F, 0, 0])
    }

    /// The requests `ipmitool chassis bootdev DEVICE` sends: set in progress, clear the boot info
    /// acknowledge bits, boot flags valid with the device (this boot only), commit write, set complete.
    public static func bootDeviceRequests(_ device: UInt8) -> (progress: IPMIRequest, acknowledge: IPMIRequest, flags: IPMIRequest, commit: IPMIRequest, complete: IPMIRequest) {
        (setRequest(parameter: 0, data: [0x01]), setRequest(parameter: 4, data: [0x01, 0x01]),
         setRequest(parameter: 5, data: [0x80, device, 0, 0, 0]), setRequest(parameter: 0, data: [0x02]),
         setRequest(parameter: 0, data: [0x00]))
    }

    /// What `ipmitool chassis bootdev` printed and its exit status.
    public struct Outcome: Sendable, Equatable {
        public var stdout = ""
        public var stderr = ""
        public var status: Int32 = 0
    }

    /// Sets the next boot's device with ipmitool 1.8.19's sequence and results: set in progress (its failure
    /// silent), clear the boot info acknowledge (a refusal is reported and the flags are still sent), the boot
    /// flags, commit write when they were taken, set complete. As ipmitool, it exits 1 only when a request got
    /// no answer; a BMC that refuses with a completion code (one without boot options) gives status 0 and the
    /// refusal on stderr — RackHD's set-boot-pxe step depends on that status.
    public static func setBootDevice(_ device: UInt8, name: String, on transport: some IPMITransport) -> Outcome {
        var outcome = Outcome()
        func set(_ parameter: UInt8, _ data: [UInt8]) -> Int {
            guard let response = try? transport.send(setRequest(parameter: parameter, data: data)) else {
                outcome.stderr += "Error setting Chassis Boot Parameter \(parameter)\n"
                return -1
            }
            let code = response.completionCode
            if code != .normal && parameter != 0 {
                outcome.stderr += "Set Chassis Boot Parameter \(parameter) failed: \(IPMIToolText.completion(code, specific: setCompletionNames))\n"
            }
            return Int(code.rawValue)
        }
        let requests = bootDeviceRequests(device)
        _ = set(0, Array(requests.progress.data.dropFirst()))
        var rc = set(4, Array(requests.acknowledge.data.dropFirst()))
        if rc >= 0 {
            rc = set(5, Array(requests.flags.data.dropFirst()))
            if rc == 0 {
                _ = set(0, Array(requests.commit.data.dropFirst()))
                outcome.stdout = "Set Boot Device to \(name)\n"
            }
        }
        _ = set(0, Array(requests.complete.data.dropFirst()))
        outcome.status = rc < 0 ? 1 : 0
        return outcome
    }

    /// Set System Boot Options' own completion codes (IPMI 2.0 table 28-14), as ipmitool names them.
    static let setCompletionNames: [UInt8: String] = [
        0x80: "Unsupported parameter", 0x81: "Attempt to set 'in progress' while not in 'complete' state",
        0x82: "Parameter is read-only",
    ]

    /// The boot flags parameter's device (data byte 2 bits 5:2) and whether the flags are valid.
    public static func bootFlags(response data: [UInt8]) throws(IPMIError) -> (valid: Bool, device: UInt8, persistent: Bool) {
        guard data.count >= 4, data[1] & 0x7F == 5 else {
            throw .malformed(what: "Get System Boot Options (boot flags)", detail: "response [\(IPMIHex.bytes(data))]")
        }
        return (data[2] & 0x80 != 0, data[3] & 0x3C, data[2] & 0x40 != 0)
    }
}

/// Chassis Control (Chassis netfn, cmd 0x02; IPMI 2.0 section 28.3): what `ipmitool chassis power
/// on|off|cycle|reset|diag|soft` asks of the BMC.
public enum IPMIChassisControl: String, CaseIterable, Sendable {
    case off, on, cycle, reset, diag, soft

    /// The request's data byte: power down, power up, power cycle, hard reset, pulse diagnostic interrupt,
    /// soft shutdown through ACPI.
    public var request: IPMIRequest {
        let code: UInt8 = switch self {
        case .off: 0x00
        case .on: 0x01
        case .cycle: 0x02
        case .reset: 0x03
        case .diag: 0x04
        case .soft: 0x05
        }
        return IPMIRequest(netFn: IPMIRequest.netFnChassis, command: 0x02, data: [code])
    }

    /// ipmitool's confirmation line, `Chassis Power Control: <label>`.
    public var label: String {
        switch self {
        case .off: "Down/Off"
        case .on: "Up/On"
        case .cycle: "Cycle"
        case .reset: "Reset"
        case .diag: "Diag"
        case .soft: "Soft"
        }
    }
}
