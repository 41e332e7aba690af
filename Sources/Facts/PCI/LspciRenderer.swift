/// `lspci -vmm` (`Tag:<TAB>value` records separated by blank lines), with `-nn` (names followed by
/// `[id]`) and `-k` (driver) as pciutils 3.9 prints them: RackHD's lspci catalog parses exactly this.
public enum LspciRenderer {
    public struct Options: Sendable, Equatable {
        /// `-nn`: names with their ids in brackets.
        public var numeric: Bool
        /// `-k`: the bound driver.
        public var kernel: Bool

        public init(numeric: Bool = false, kernel: Bool = false) {
            self.numeric = numeric
            self.kernel = kernel
        }
    }

    public static func render(_ devices: [PCIDevice], options: Options = Options()) -> String {
        var out = ""
        for device in devices.sorted(by: { (PCIAddress($0.address).map { [$0] } ?? []).lexicographicallyPrecedes(PCIAddress($1.address).map { [$0] } ?? []) }) {
            out += record(device, options: options)
            out += "\n"
        }
        return out
    }

    static func record(_ device: PCIDevice, options: Options) -> String {
        var lines: [String] = []
        let address = PCIAddress(device.address)
        let slot = address.map { $0.domain == 0 ? $0.busDeviceFunction : $0.description } ?? device.address
        lines.append("Slot:\t\(slot)")
        lines.append("Class:\t\(className(device, options))")
        lines.append("Vendor:\t\(name(device.vendorName, id: device.vendorId, unknown: "Vendor", options))")
        lines.append("Device:\t\(name(device.deviceName, id: device.deviceId, unknown: "Device", options))")
        if let subvendor = device.subsystemVendorId, let subdevice = device.subsystemDeviceId {
            lines.append("SVendor:\t\(name(device.subsystemVendorName, id: subvendor, unknown: "Unknown vendor", options))")
            lines.append("SDevice:\t\(name(device.subsystemDeviceName, id: subdevice, unknown: "Device", options))")
        }
        if let slot = device.physicalSlot { lines.append("PhySlot:\t\(slot)") }
        if let revision = device.revision, revision != "00" { lines.append("Rev:\t\(revision)") }
        lines.append("ProgIf:\t\(device.progIf)")
        if options.kernel, let driver = device.driver { lines.append("Driver:\t\(driver)") }
        if let node = device.numaNode { lines.append("NUMANode:\t\(node)") }
        if let group = device.iommuGroup { lines.append("IOMMUGroup:\t\(group)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// pciutils' `format_name`: the name, `name [id]` with -nn, or `Unknown [id]` / `Unknown id`.
    static func name(_ name: String?, id: String, unknown: String, _ options: Options) -> String {
        if let name { return options.numeric ? "\(name) [\(id)]" : name }
        return options.numeric ? "\(unknown) [\(id)]" : "\(unknown) \(id)"
    }

    /// The subclass name, else the class name with the full class code always shown, else `Class XXXX`.
    static func className(_ device: PCIDevice, _ options: Options) -> String {
        let code = device.classId + device.subclassId
        if let subclass = device.subclassName { return options.numeric ? "\(subclass) [\(code)]" : subclass }
        if let base = device.className { return "\(base) [\(code)]" }
        return options.numeric ? "Class [\(code)]" : "Class \(code)"
    }
}
