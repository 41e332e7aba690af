import ArgumentParser
import Facts

/// `mkagent ohai`: the node in the JSON shape of ohai 6.14 (what RackHD's `ohai` catalog stores).
struct OhaiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ohai",
        abstract: "Print the node's facts as one JSON object in ohai's layout.",
        discussion: """
            The attributes of ohai's core Linux plugins that provisioning servers read (dmi, cpu, kernel, \
            network, memory, block_device, hostname, fqdn, platform, ipaddress, macaddress...), with ohai's \
            value formats. Problems met on the way go to standard error and leave their section out; the \
            exit code is still 0.
            """)

    @OptionGroup var roots: RootOptions

    @Option(name: .customLong("directory"), help: ArgumentHelp(
        "Accepted for compatibility with `ohai --directory DIR` and ignored: mkagent runs no ohai plugins.",
        valueName: "DIR"))
    var pluginDirectory: String?

    @Option(name: .customLong("dmi-dump"), help: ArgumentHelp(
        "Decode a file written by `dmidecode --dump-bin` instead of the host's SMBIOS table.", valueName: "FILE"))
    var dmiDump: String?

    static let collectors = ["os", "network", "memory"]

    func run() throws {
        let resolution = roots.resolve()
        let files = HostFiles(root: resolution.root)
        let facts = FactsGathering.collect(
            resolution: resolution, collectors: CollectorRunner.all.filter { Self.collectors.contains($0.name) },
            context: CollectionContext(files: files, dmiDumpFile: dmiDump), timeout: 30)
        let (sources, problems) = OhaiSources.read(files: files, facts: facts, dmiDumpFile: dmiDump)
        for diagnostic in facts.diagnostics + problems { printError("mkagent: \(diagnostic)") }
        writeStandardOutput(Array(OhaiDocument.render(sources).json().utf8))
    }
}
