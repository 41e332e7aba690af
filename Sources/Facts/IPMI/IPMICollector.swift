/// The `ipmi` collector: the BMC through `DEV/ipmi0` (Get Device ID, chassis status, LAN channels, FRU 0),
/// and its sensors through libipmimonitoring where that library is installed.
///
/// Without a device node, or when it cannot be opened, the section is empty and one diagnostic says why;
/// every request has a deadline, so a BMC that does not answer costs seconds, not the run.
public struct IPMICollector: FactCollector {
    public var name: String { "ipmi" }
    public var requestTimeoutSeconds: Double
    /// For all the sensor readings together (the library reads the whole SDR repository first).
    public var sensorTimeoutSeconds: Double

    public init(requestTimeoutSeconds: Double = 5, sensorTimeoutSeconds: Double = IPMISensorReader.defaultTimeoutSeconds) {
        self.requestTimeoutSeconds = requestTimeoutSeconds
        self.sensorTimeoutSeconds = sensorTimeoutSeconds
    }

    public func collect(_ context: CollectionContext) -> CollectorOutput {
        let device: IPMIDevice
        do {
            device = try IPMIDevice(files: context.files, timeoutSeconds: requestTimeoutSeconds)
        } catch {
            let facts = IPMIFacts()
            return CollectorOutput(diagnostics: [Diagnostic(collector: name, error: "\(error); ipmi section empty")]) {
                $0.ipmi = facts
            }
        }
        var inventory = IPMIInventory(manufacturers: Self.manufacturers(context.files), path: device.path)
        var facts = inventory.facts(device, interface: device.path)
        var diagnostics = inventory.diagnostics
        if facts.device != nil {
            switch IPMISensorReader.read(devicePath: device.path, timeoutSeconds: sensorTimeoutSeconds) {
            case .success(let sensors): facts.sensors = sensors
            case .failure(let failure):
                diagnostics.append(Diagnostic(collector: name, path: device.path, error: "\(failure); sensors left out"))
            }
        }
        let section = facts
        return CollectorOutput(diagnostics: diagnostics) { $0.ipmi = section }
    }

    /// The IANA registry beside the etc root (`ETC/../usr/share/misc/enterprise-numbers.txt`, where ipmitool
    /// reads it), looked up lazily; the built-in table where it is absent.
    public static func manufacturers(_ files: HostFiles) -> IPMIManufacturers {
        var base = files.root.etc
        while base.hasSuffix("/") && base.count > 1 { base.removeLast() }
        guard base.hasSuffix("/etc") || base == "/etc" else { return .builtIn }
        let path = String(base.dropLast(4)) + "/usr/share/misc/enterprise-numbers.txt"
        return IPMIManufacturers.builtIn.withRegistry(path: path)
    }
}
