/// What `OhaiDocument` is built from: the collected facts (os, network, memory) and the host texts and
/// sysfs attributes ohai transcribes whose details the fact model does not keep.
public struct OhaiSources: Sendable {
    public var facts: Facts
    /// mkagent's dmidecode text of the SMBIOS table (header and structures).
    public var dmidecodeText: String?
    /// PROC/cpuinfo.
    public var cpuinfo: String?
    /// PROC/modules.
    public var modules: String?
    /// Each interface's SYS/class/net/<name>/flags word.
    public var interfaceFlags: [String: UInt32]
    /// ETC/hosts.
    public var hosts: String?
    /// ETC/debian_version.
    public var debianVersion: String?
    /// SYS/block/<name>: the attributes ohai reads, by ohai's name (`size`, `removable`, and `model`, `rev`,
    /// `state`, `timeout`, `vendor` of `device/`), trimmed.
    public var blockDevices: [(name: String, attributes: [String: String])]

    public init(
        facts: Facts, dmidecodeText: String? = nil, cpuinfo: String? = nil, modules: String? = nil,
        interfaceFlags: [String: UInt32] = [:], hosts: String? = nil, debianVersion: String? = nil,
        blockDevices: [(name: String, attributes: [String: String])] = []
    ) {
        self.facts = facts
        self.dmidecodeText = dmidecodeText
        self.cpuinfo = cpuinfo
        self.modules = modules
        self.interfaceFlags = interfaceFlags
        self.hosts = hosts
        self.debianVersion = debianVersion
        self.blockDevices = blockDevices
    }

    /// Reads the texts through the host root, for the interfaces the facts list. A missing SMBIOS table or
    /// cpuinfo is a diagnostic (the section is left out); the other files are optional.
    public static func read(files: HostFiles, facts: Facts, dmiDumpFile: String? = nil) -> (OhaiSources, [Diagnostic]) {
        var sources = OhaiSources(facts: facts)
        var diagnostics: [Diagnostic] = []
        let (loaded, dmiProblems) = DMITableSource(files: files).load(dumpFile: dmiDumpFile)
        if let loaded {
            sources.dmidecodeText = DMITextRenderer.header(
                entryPoint: loaded.table.entryPoint, origin: loaded.origin,
                tableLength: loaded.tableBytes, structureCount: loaded.table.structures.count)
                + DMITextRenderer.render(loaded.table)
        } else {
            diagnostics += dmiProblems
        }
        do {
            sources.cpuinfo = try files.text(.proc, "cpuinfo")
        } catch {
            diagnostics.append(Diagnostic(
                collector: "ohai", path: files.path(.proc, "cpuinfo"), error: "\(error); the cpu section is left out"))
        }
        sources.modules = try? files.text(.proc, "modules")
        sources.hosts = try? files.text(.etc, "hosts")
        sources.debianVersion = (try? files.text(.etc, "debian_version"))?.trimmed()
        for interface in facts.network?.interfaces ?? [] {
            if let text = try? files.text(.sys, "class/net/\(interface.name)/flags"), let word = HexText.parse(text.trimmed()) {
                sources.interfaceFlags[interface.name] = UInt32(truncatingIfNeeded: word)
            }
        }
        for name in ((try? files.list(.sys, "block")) ?? []).sorted() {
            var attributes: [String: String] = [:]
            for key in OhaiDocument.blockAttributes {
                let relative = ["size", "removable"].contains(key) ? key : "device/" + key
                attributes[key] = (try? files.text(.sys, "block/\(name)/\(relative)"))?.trimmed()
            }
            sources.blockDevices.append((name, attributes))
        }
        return (sources, diagnostics)
    }
}
