/// ohai's Linux `cpu` plugin: `/proc/cpuinfo` read line by line, each line tested against ohai's patterns
/// in ohai's order, the first that matches winning. The values are the text after the colon, as written
/// (`mhz` `"2596.120"`, `cache_size` `"1024 KB"`), `flags` split on blanks; `total` counts `processor`
/// lines and `real` the distinct `physical id`s.
///
/// One deliberate difference: ohai's patterns are not anchored (`flags\s+:\s(.+)` anywhere in the line),
/// so on kernels that print a `vmx flags` line after `flags` ohai reports the VMX flags as the CPU's flags.
/// Here a pattern's key must start the line.
enum OhaiCPU {
    /// The cpuinfo key each pattern looks for, and the ohai name of its value.
    static let patterns: [(key: String, name: String)] = [
        ("processor", ""), ("vendor_id", "vendor_id"), ("cpu family", "family"), ("model", "model"),
        ("stepping", "stepping"), ("physical id", "physical_id"), ("core id", "core_id"), ("cpu cores", "cores"),
        ("model name", "model_name"), ("cpu MHz", "mhz"), ("cache size", "cache_size"), ("flags", "flags"),
    ]

    static func section(cpuinfo: String) -> OhaiObject {
        var cpu = OhaiObject()
        var current: String?
        var total = 0
        var physicalIDs: [String] = []
        for line in cpuinfo.split(separator: "\n") {
            guard let (name, value) = firstMatch(line) else { continue }
            if name.isEmpty {
                cpu[value] = .object(OhaiObject())
                current = value
                total += 1
                continue
            }
            // A line before the first `processor` line has no CPU to go to (ohai fails there).
            guard let current, case .object(var entry)? = cpu[current] else { continue }
            entry[name] = name == "flags" ? .array(value.split(whereSeparator: isSpace).map { .string(String($0)) }) : .string(value)
            cpu[current] = .object(entry)
            if name == "physical_id", !physicalIDs.contains(value) { physicalIDs.append(value) }
        }
        cpu["total"] = .int(total)
        cpu["real"] = .int(physicalIDs.count)
        return cpu
    }

    /// The first pattern that matches the line, with its captured value.
    static func firstMatch(_ line: Substring) -> (name: String, value: String)? {
        for pattern in patterns {
            if let value = match(line, key: pattern.key) { return (pattern.name, value) }
        }
        return nil
    }

    /// `^key\s+:\s(.+)`.
    static func match(_ line: Substring, key: String) -> String? {
        guard line.hasPrefix(key) else { return nil }
        var rest = line.dropFirst(key.count)
        let spaces = rest.prefix(while: isSpace)
        rest = rest.dropFirst(spaces.count)
        guard !spaces.isEmpty, rest.first == ":", let after = rest.dropFirst().first, isSpace(after), rest.count > 2 else { return nil }
        return String(rest.dropFirst(2))
    }

    static func isSpace(_ character: Character) -> Bool {
        character == " " || character == "\t" || character == "\r" || character == "\u{0B}" || character == "\u{0C}"
    }
}
