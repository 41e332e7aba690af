import ArgumentParser
import Facts

/// `mkagent lshw`: the hardware tree as `lshw -json` (RackHD's `lshw` catalog) or `lshw -short`.
struct LshwCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lshw",
        abstract: "Print the hardware tree the way lshw does (-json by default, or -short).",
        discussion: """
            The tree has lshw's nodes and keys (system, core, firmware, cpu, memory, PCI bridges and devices, \
            disks, volumes, network interfaces, USB devices); values come from sysfs, SMBIOS and the name \
            database. Problems met are printed on standard error; the exit code is 0 whenever a tree was printed.
            """)

    @OptionGroup var roots: RootOptions
    @OptionGroup var names: NameOptions

    @Flag(name: .customLong("json", withSingleDash: true), help: "JSON, as lshw -json (the default).")
    var json = false

    @Flag(name: .customLong("short", withSingleDash: true), help: "One line per node, as lshw -short.")
    var short = false

    @Option(name: .customLong("dmi-dump"), help: ArgumentHelp(
        "Decode a file written by `dmidecode --dump-bin` instead of the host's SMBIOS table.", valueName: "FILE"))
    var dmiDump: String?

    func validate() throws {
        if json && short { throw ValidationError("-json and -short exclude each other") }
    }

    func run() throws {
        Self.print(context: CollectionContext(
            files: HostFiles(root: roots.resolve().root), dmiDumpFile: dmiDump, names: names.options), short: short)
    }

    /// Prints the tree, its problems on standard error.
    static func print(context: CollectionContext, short: Bool) {
        let (tree, diagnostics) = HardwareInventory(context: context).tree()
        for diagnostic in diagnostics { printError("mkagent: \(diagnostic)") }
        let text = short ? LshwShortRenderer.render(tree) : LshwJSONWriter.render(tree)
        writeStandardOutput(Array(text.utf8))
    }
}
