import ArgumentParser
import Facts

/// `mkagent dmi`: the SMBIOS table in dmidecode's text layout (what RackHD's `dmi` catalog parses).
struct DMICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dmi",
        abstract: "Print the SMBIOS/DMI table the way dmidecode does.")

    @OptionGroup var roots: RootOptions

    @Option(name: .customLong("dmi-dump"), help: ArgumentHelp(
        "Decode a file written by `dmidecode --dump-bin` instead of the host's table.", valueName: "FILE"))
    var dmiDump: String?

    @Option(name: [.customShort("t"), .customLong("type")], parsing: .singleValue, help: ArgumentHelp(
        "Only structures of this type: a number or a dmidecode keyword (bios, system, baseboard, chassis, processor, memory, cache, connector, slot). Repeatable, or comma-separated.",
        valueName: "TYPE"))
    var types: [String] = []

    func run() throws {
        let selected = try DMITypeSelection.parse(types)
        let files = HostFiles(root: roots.resolve().root)
        let (loaded, diagnostics) = DMITableSource(files: files).load(dumpFile: dmiDump)
        for diagnostic in diagnostics { printError(diagnostic.description) }
        guard let loaded else {
            if dmiDump != nil { throw ExitCode.failure }
            return
        }
        let header = DMITextRenderer.header(
            entryPoint: loaded.table.entryPoint, origin: loaded.origin,
            tableLength: loaded.tableBytes, structureCount: loaded.table.structures.count)
        writeStandardOutput(Array(header.utf8) + DMITextRenderer.renderBytes(loaded.table, types: selected).bytes)
    }
}

/// dmidecode's `-t` argument: type numbers and keywords that stand for groups of types.
enum DMITypeSelection {
    static let keywords: [String: [UInt8]] = [
        "bios": [0, 13], "system": [1, 12, 15, 23, 32], "baseboard": [2, 10, 41], "chassis": [3],
        "processor": [4], "memory": [5, 6, 16, 17], "cache": [7], "connector": [8], "slot": [9],
    ]

    static func parse(_ arguments: [String]) throws -> Set<UInt8>? {
        if arguments.isEmpty { return nil }
        var result = Set<UInt8>()
        for word in arguments.flatMap({ $0.split(separator: ",") }).map({ $0.lowercased() }) {
            if let number = UInt8(word) {
                result.insert(number)
            } else if let group = keywords[word] {
                result.formUnion(group)
            } else {
                throw ValidationError("unknown DMI type '\(word)': give 0-255 or one of \(keywords.keys.sorted().joined(separator: ", "))")
            }
        }
        return result
    }
}
