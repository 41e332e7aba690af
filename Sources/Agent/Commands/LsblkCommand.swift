import ArgumentParser
import Facts
#if canImport(Glibc)
import Glibc
#endif

/// `mkagent lsblk`: block devices in util-linux lsblk's layouts (RackHD's catalog runs
/// `lsblk -o KNAME,TYPE,ROTA`).
struct LsblkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsblk",
        abstract: "Print block devices the way lsblk does.",
        discussion: """
            The table is laid out as lsblk writes it to a pipe or a file (not fitted to a terminal's width). \
            Columns: \(LsblkColumn.allCases.map(\.rawValue).joined(separator: ", ")).
            """)

    @OptionGroup var roots: RootOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp(
        "Columns to print, comma-separated; a leading + adds them to the default ones.", valueName: "LIST"))
    var output: String?

    @Flag(name: [.customShort("l"), .customLong("list")], help: "A list rather than a tree.")
    var list = false

    @Flag(name: [.customShort("J"), .customLong("json")], help: "JSON output.")
    var json = false

    @Flag(name: [.customShort("b"), .customLong("bytes")], help: "SIZE in bytes rather than in a human-readable form.")
    var bytes = false

    @Flag(name: [.customShort("d"), .customLong("nodeps")], help: "Whole devices only: no partitions, no devices stacked on them.")
    var noDependencies = false

    @Flag(name: [.customShort("n"), .customLong("noheadings")], help: "No header line.")
    var noHeadings = false

    @Flag(name: [.customShort("p"), .customLong("paths")], help: "Names as /dev paths.")
    var paths = false

    @Flag(name: [.customShort("a"), .customLong("all")], help: "RAM disks and empty loop devices too.")
    var all = false

    @Flag(name: [.customShort("i"), .customLong("ascii")], help: "Draw the tree with ASCII characters.")
    var ascii = false

    func validate() throws {
        _ = try columns()
    }

    /// `-o LIST` replaces the default columns, `-o +LIST` adds to them.
    func columns() throws -> [LsblkColumn] {
        guard let output, !output.isEmpty else { return LsblkColumn.defaults }
        let adding = output.hasPrefix("+")
        var result = adding ? LsblkColumn.defaults : []
        for name in output.dropFirst(adding ? 1 : 0).split(separator: ",", omittingEmptySubsequences: false) {
            guard let column = LsblkColumn(named: name) else {
                throw ValidationError("unknown column: \(name) (known: \(LsblkColumn.allCases.map(\.rawValue).joined(separator: ",")))")
            }
            result.append(column)
        }
        return result
    }

    func run() throws {
        let result = LsblkReader(files: HostFiles(root: roots.resolve().root)).read()
        for diagnostic in result.diagnostics where diagnostic.severity == .error { printError("mkagent: \(diagnostic)") }
        let options = LsblkRenderer.Options(
            columns: try columns(), list: list, json: json, bytes: bytes, noDependencies: noDependencies,
            noHeadings: noHeadings, paths: paths, all: all, ascii: ascii, utf8: Self.localeIsUTF8())
        writeStandardOutput(Array(LsblkRenderer.render(result.devices, options: options).utf8))
    }

    /// Whether the locale the environment selects (LC_ALL, LC_CTYPE, LANG) exists and uses UTF-8: lsblk
    /// draws its tree with box-drawing characters only then.
    static func localeIsUTF8() -> Bool {
        guard setlocale(LC_CTYPE, "") != nil, let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        return String(cString: codeset) == "UTF-8"
    }
}
