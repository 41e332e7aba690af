import ArgumentParser
import Facts

/// `mkagent lspci -nn -vmm`: PCI functions in lspci's machine-readable layout (RackHD's `lspci` catalog).
struct LspciCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lspci",
        abstract: "Print PCI functions the way `lspci -vmm` does.",
        discussion: """
            Only the -vmm record layout is printed (with or without -vmm); -nn adds the ids in brackets, -k \
            the driver. Names come from udev's hwdb, else pci.ids (see --names).
            """)

    @OptionGroup var roots: RootOptions
    @OptionGroup var names: NameOptions

    @Flag(name: .customLong("nn", withSingleDash: true), help: "Names with their numeric ids: `Intel Corporation [8086]`.")
    var numeric = false

    @Flag(name: .customLong("vmm", withSingleDash: true), help: "Machine-readable records (the only layout; accepted for compatibility).")
    var machine = false

    @Flag(name: .customShort("k"), help: "Show the kernel driver of each function.")
    var kernel = false

    func run() throws {
        let resolver = DeviceNameResolver(options: names.options, collector: "pci")
        let (functions, diagnostics) = PCIReader(
            files: HostFiles(root: roots.resolve().root), names: resolver.lookup(.pci)).read()
        for diagnostic in resolver.diagnostics + diagnostics { printError("mkagent: \(diagnostic)") }
        let text = LspciRenderer.render(functions.map(\.device), options: .init(numeric: numeric, kernel: kernel))
        writeStandardOutput(Array(text.utf8))
    }
}
