import ArgumentParser
import Facts

/// `mkagent lscpu`: the CPU facts in lscpu's layout (what RackHD's `lscpu` catalog parses).
struct LscpuCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lscpu",
        abstract: "Print CPU architecture information the way lscpu (util-linux 2.38) does.",
        discussion: """
            Reads the host's /proc/cpuinfo and /sys/devices/system/{cpu,node}, or those of --root (a \
            dump, a container's view of the host). Problems are reported on standard error; what could be \
            read is still printed and the exit code is 0.
            """)

    @OptionGroup var roots: RootOptions

    @Flag(name: [.customShort("J"), .customLong("json")], help: "Use JSON output (as lscpu -J).")
    var json = false

    func run() throws {
        let files = HostFiles(root: roots.resolve().root)
        let (sources, diagnostics) = CPUReader(files: files).read()
        for diagnostic in diagnostics { printError("mkagent: \(diagnostic)") }
        let inventory = CPUInventory(sources)
        let lines = LscpuSummary.lines(inventory, hostMachine: HostMachine.name)
        print(json ? LscpuRenderer.json(lines) : LscpuRenderer.text(lines), terminator: "")
    }
}
