import ArgumentParser
import Facts

/// `mkagent lsscsi`: SCSI devices and NVMe namespaces in lsscsi's layout (RackHD's `lsscsi --size` catalog).
struct LsscsiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsscsi",
        abstract: "Print SCSI devices and NVMe namespaces the way lsscsi does.")

    @OptionGroup var roots: RootOptions

    @Flag(name: [.customShort("s"), .customLong("size")], help: "Show sizes: once in decimal units (3.20TB), twice in binary (2.91TiB).")
    var size: Int

    @Flag(name: [.customShort("k"), .customLong("kname")], help: "Show kernel device names even where /dev has no node.")
    var kernelNames = false

    func run() throws {
        let files = HostFiles(root: roots.resolve().root)
        var reader = StorageReader(files: files)
        reader.readPartitionTables = false
        let result = reader.read()
        for diagnostic in result.diagnostics where diagnostic.severity == .error { printError("mkagent: \(diagnostic)") }
        let text = LsscsiRenderer.render(
            result.facts, options: .init(size: size, kernelNames: kernelNames), nodeExists: { files.exists(.dev, $0) })
        writeStandardOutput(Array(text.utf8))
    }
}
