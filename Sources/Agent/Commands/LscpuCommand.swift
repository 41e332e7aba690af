import ArgumentParser
import Facts

/// `mkagent lscpu`: the CPU facts in lscpu's layouts (RackHD's `lscpu` catalog parses the summary).
struct LscpuCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lscpu",
        abstract: "Print CPU architecture information the way lscpu (util-linux 2.38) does.",
        discussion: """
            Reads the host's /proc/cpuinfo and /sys/devices/system/{cpu,node}, or those of --root (a \
            dump, a container's view of the host). Problems are reported on standard error; what could be \
            read is still printed and the exit code is 0. Columns for -e and -p: \
            \(LscpuColumn.allCases.map(\.rawValue).joined(separator: ", ")).
            """)

    @OptionGroup var roots: RootOptions

    @Flag(name: [.customShort("J"), .customLong("json")], help: "Use JSON for the summary or the -e table.")
    var json = false

    @Flag(name: .customShort("e"), help: "One row per CPU, aligned (lscpu -e).")
    var extended = false

    @Option(name: .customLong("extended"), help: ArgumentHelp(
        "As -e, with these columns (comma-separated).", valueName: "LIST"))
    var extendedColumns: String?

    @Flag(name: .customShort("p"), help: "One comma-separated line per CPU, for scripts (lscpu -p).")
    var parse = false

    @Option(name: .customLong("parse"), help: ArgumentHelp(
        "As -p, with these columns (comma-separated).", valueName: "LIST"))
    var parseColumns: String?

    @Flag(name: [.customShort("a"), .customLong("all")], help: "With -e or -p: online and offline CPUs.")
    var all = false

    @Flag(name: [.customShort("b"), .customLong("online")], help: "With -e or -p: online CPUs only.")
    var onlineOnly = false

    @Flag(name: [.customShort("c"), .customLong("offline")], help: "With -e or -p: offline CPUs only.")
    var offlineOnly = false

    @Flag(name: [.customShort("y"), .customLong("physical")], help: "With -e or -p: the kernel's core, socket, book and drawer IDs.")
    var physical = false

    var table: LscpuCPUTable.Mode? {
        if extended || extendedColumns != nil { return .readable }
        if parse || parseColumns != nil { return .parsable }
        return nil
    }

    func validate() throws {
        if (extended || extendedColumns != nil) && (parse || parseColumns != nil) {
            throw ValidationError("-e and -p are mutually exclusive")
        }
        if [all, onlineOnly, offlineOnly].filter({ $0 }).count > 1 {
            throw ValidationError("--all, --online and --offline are mutually exclusive")
        }
        if table == nil && (all || onlineOnly || offlineOnly || physical) {
            throw ValidationError("--all, --online, --offline and --physical may only be used with -e or -p")
        }
        if let list = extendedColumns ?? parseColumns, case .failure(let error) = LscpuColumn.parseList(list) {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        let files = HostFiles(root: roots.resolve().root)
        let (sources, diagnostics) = CPUReader(files: files).read()
        for diagnostic in diagnostics { printError("mkagent: \(diagnostic)") }
        let inventory = CPUInventory(sources)
        guard let mode = table else {
            let lines = LscpuSummary.lines(inventory, hostMachine: HostMachine.name)
            print(json ? LscpuRenderer.json(lines) : LscpuRenderer.text(lines), terminator: "")
            return
        }
        var table = LscpuCPUTable(mode: mode)
        if let list = extendedColumns ?? parseColumns, case .success(let columns) = LscpuColumn.parseList(list) {
            table.columns = columns
        }
        if all {
            table.filter = (true, true)
        } else if onlineOnly || offlineOnly {
            table.filter = (onlineOnly, offlineOnly)
        }
        table.physicalIDs = physical
        table.json = json && mode == .readable
        print(table.render(inventory), terminator: "")
    }
}
