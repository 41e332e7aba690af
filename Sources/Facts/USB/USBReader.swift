/// Reads USB devices and their interfaces from `SYS/bus/usb/devices` through `HostFiles`.
public struct USBReader {
    public let files: HostFiles
    public let names: any IDNameLookup
    public let collector: String

    public init(files: HostFiles, names: any IDNameLookup, collector: String = "usb") {
        self.files = files
        self.names = names
        self.collector = collector
    }

    static let directory = "bus/usb/devices"

    public struct Result {
        public var devices: [USBDevice]
        public var diagnostics: [Diagnostic]
        /// Resolved sysfs paths (relative to SYS) by device name.
        public var paths: [String: String]
    }

    public func read() -> Result {
        let entries: [String]
        do {
            entries = try files.list(.sys, Self.directory)
        } catch {
            // No USB bus (no controller, or usbcore not loaded) is ordinary on servers and VMs.
            let diagnostics = error.isNotFound ? [] : [Diagnostic(
                collector: collector, path: error.path, error: "\(error); no USB devices listed", severity: .error)]
            return Result(devices: [], diagnostics: diagnostics, paths: [:])
        }
        var devices: [USBDevice] = []
        var paths: [String: String] = [:]
        for entry in entries where !entry.contains(":") {
            let base = Self.directory + "/" + entry
            func attribute(_ name: String) -> String? {
                (try? files.text(.sys, base + "/" + name)).map { $0.trimmed() }.flatMap { $0.isEmpty ? nil : $0 }
            }
            var device = USBDevice(name: entry)
            device.bus = attribute("busnum").flatMap { Int($0) }
            device.deviceNumber = attribute("devnum").flatMap { Int($0) }
            device.portPath = attribute("devpath")
            device.parent = Self.parent(of: entry)
            let vendor = attribute("idVendor").flatMap { UInt16($0, radix: 16) }
            let product = attribute("idProduct").flatMap { UInt16($0, radix: 16) }
            device.vendorId = attribute("idVendor")
            device.productId = attribute("idProduct")
            if let vendor {
                device.vendorName = names.vendor(vendor)
                if let product { device.productName = names.device(vendor: vendor, device: product) }
            }
            device.manufacturer = attribute("manufacturer")
            device.product = attribute("product")
            device.serial = attribute("serial")
            device.revision = attribute("bcdDevice")
            device.version = attribute("version")
            let classes = classIDs(attribute("bDeviceClass"), attribute("bDeviceSubClass"), attribute("bDeviceProtocol"))
            device.classId = attribute("bDeviceClass")
            device.subclassId = attribute("bDeviceSubClass")
            device.protocolId = attribute("bDeviceProtocol")
            if let c = classes.0 {
                device.className = names.className(c)
                if let s = classes.1 {
                    device.subclassName = names.subclassName(c, s)
                    if let p = classes.2 { device.protocolName = names.interfaceName(c, s, p) }
                }
            }
            device.speedBps = attribute("speed").flatMap(Self.speedBps)
            device.maxChildren = attribute("maxchild").flatMap { Int($0) }
            device.driver = (try? files.linkTarget(.sys, base + "/driver")).flatMap(PCISysfsValue.lastComponent)
            let path = files.resolved(.sys, base)
            if let path { paths[entry] = path }
            if device.parent == nil { device.controllerAddress = path.flatMap(BlockTransport.pciAddress)?.description }
            device.interfaces = entries.filter { Self.isInterface($0, of: entry) }.map { readInterface($0) }
            devices.append(device)
        }
        devices.sort { ($0.bus ?? 0, $0.portPath ?? "") < ($1.bus ?? 0, $1.portPath ?? "") }
        return Result(devices: devices, diagnostics: [], paths: paths)
    }

    private func readInterface(_ name: String) -> USBInterface {
        let base = Self.directory + "/" + name
        func attribute(_ relative: String) -> String? {
            (try? files.text(.sys, base + "/" + relative)).map { $0.trimmed() }.flatMap { $0.isEmpty ? nil : $0 }
        }
        var interface = USBInterface(name: name)
        interface.number = attribute("bInterfaceNumber").flatMap { Int($0, radix: 16) }
        interface.classId = attribute("bInterfaceClass")
        interface.subclassId = attribute("bInterfaceSubClass")
        interface.protocolId = attribute("bInterfaceProtocol")
        interface.className = interface.classId.flatMap { UInt8($0, radix: 16) }.flatMap(names.className)
        interface.driver = (try? files.linkTarget(.sys, base + "/driver")).flatMap(PCISysfsValue.lastComponent)
        return interface
    }

    private func classIDs(_ c: String?, _ s: String?, _ p: String?) -> (UInt8?, UInt8?, UInt8?) {
        (c.flatMap { UInt8($0, radix: 16) }, s.flatMap { UInt8($0, radix: 16) }, p.flatMap { UInt8($0, radix: 16) })
    }

    /// `1-1:1.0` is an interface of `1-1`; `usb1`'s interfaces are `1-0:1.0`.
    static func isInterface(_ name: String, of device: String) -> Bool {
        guard let colon = name.firstIndex(of: ":") else { return false }
        let owner = name[..<colon]
        if device.hasPrefix("usb"), let bus = Int(device.dropFirst(3)) { return owner == "\(bus)-0" }
        return owner == device
    }

    /// `1-1.2` hangs off `1-1`, `1-1` off `usb1`; root hubs have no parent.
    static func parent(of name: String) -> String? {
        guard !name.hasPrefix("usb"), let dash = name.firstIndex(of: "-") else { return nil }
        let bus = name[..<dash]
        let ports = name[name.index(after: dash)...]
        if let dot = ports.lastIndex(of: ".") { return "\(bus)-\(ports[..<dot])" }
        return "usb\(bus)"
    }

    /// sysfs `speed` in Mbit/s (`1.5`, `12`, `480`, `5000`, `10000`, `20000`) as bits per second.
    static func speedBps(_ text: String) -> Int? {
        guard let mbps = Double(text), mbps > 0 else { return nil }
        return Int((mbps * 1_000_000).rounded())
    }
}
