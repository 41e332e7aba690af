/// Names for IANA private enterprise numbers (the manufacturer id of Get Device ID): a table of the vendors
/// whose BMCs are common, or the IANA registry file when the host has it.
public struct IPMIManufacturers: Sendable {
    public var names: [UInt32: String]
    /// The IANA `enterprise-numbers` file's bytes, searched for an id only when one is asked for.
    public var registry: [UInt8]?

    public init(names: [UInt32: String], registry: [UInt8]? = nil) {
        self.names = names
        self.registry = registry
    }

    /// These names, with the registry file at `path` (an absolute path) preferred where it is readable.
    public func withRegistry(path: String) -> IPMIManufacturers {
        IPMIManufacturers(names: names, registry: try? HostFiles.readFile(path, limit: 32 << 20))
    }

    /// The names ipmitool's built-in table gives these vendors.
    public static let builtIn = IPMIManufacturers(names: [
        2: "IBM", 11: "Hewlett-Packard", 42: "Sun Microsystems", 94: "Nokia", 116: "Hitachi", 186: "Toshiba",
        311: "Microsoft", 343: "Intel Corporation", 674: "DELL Inc", 2011: "Huawei", 4128: "ARM",
        4337: "Radisys", 4542: "Alcatel-Lucent", 5593: "Magnum Technologies", 6569: "INVENTEC", 6653: "Tyan",
        6876: "VMware", 7154: "Quanta", 7244: "Quanta", 8738: "ADLINK", 10368: "Fujitsu Siemens",
        10437: "Peppercon", 10876: "Supermicro", 11129: "Google", 12634: "PICMG", 15370: "Giga-Byte",
        16394: "Pigeon Point Systems", 19046: "Lenovo", 20974: "American Megatrends", 21317: "Dell EMC",
        26061: "Ampere", 40092: "Raptor", 47196: "Hewlett Packard Enterprise", 49769: "Yadro",
        50475: "Facebook", 51974: "Cisco", 52307: "Intel (OpenBMC)", 57045: "Tencent",
    ])

    /// The name for `id`, "Unknown (0x...)" as ipmitool prints an id it does not know.
    public func name(_ id: UInt32) -> String {
        if let registry, let name = Self.lookup(id, in: registry) { return name }
        return names[id] ?? "Unknown (0x\(String(id, radix: 16, uppercase: true)))"
    }

    /// The organization after the line holding just `id` in the IANA file.
    static func lookup(_ id: UInt32, in registry: [UInt8]) -> String? {
        let needle = Array("\n\(id)\n".utf8)
        let count = registry.count
        guard count >= needle.count else { return nil }
        var index = 0
        while index + needle.count <= count {
            if registry[index] == 0x0A && registry[index + 1] == needle[1] {
                var match = true
                for offset in 2..<needle.count where registry[index + offset] != needle[offset] {
                    match = false
                    break
                }
                if match {
                    var start = index + needle.count
                    while start < count && (registry[start] == 0x20 || registry[start] == 0x09) { start += 1 }
                    var end = start
                    while end < count && registry[end] != 0x0A && registry[end] != 0x0D { end += 1 }
                    return end > start ? String(decoding: registry[start..<end], as: UTF8.self) : nil
                }
            }
            index += 1
        }
        return nil
    }

    /// The IANA `enterprise-numbers` file: a decimal number alone on a line, the organization on the next.
    public static func parseEnterpriseNumbers(_ text: String) -> [UInt32: String] {
        var result: [UInt32: String] = [:]
        var pending: UInt32?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let number = UInt32(line) {
                pending = number
            } else if let number = pending {
                let name = line.trimmingPrefix { $0 == " " || $0 == "\t" }
                if !name.isEmpty { result[number] = String(name) }
                pending = nil
            }
        }
        return result
    }
}
