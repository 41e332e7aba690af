/// Finds and reads the SMBIOS entry point and structure table.
///
/// Sources, in order: a `dmidecode --dump-bin` file when one is given; the kernel's copies under the sys
/// root (`firmware/dmi/tables/smbios_entry_point` and `DMI`); the legacy scan of the BIOS area through
/// `mem` under the dev root, when it is readable (root on a node without the sysfs tables).
public struct DMITableSource: Sendable {
    public enum Origin: Sendable, Equatable, CustomStringConvertible {
        case dumpFile(String)
        case sysfs(String)
        case devMem(String, address: UInt64)

        public var description: String {
            switch self {
            case .dumpFile(let path): return "file \(path)"
            case .sysfs(let path): return "sysfs \(path)"
            case .devMem(let path, let address): return "\(path) at 0x\(hex(address, width: 8))"
            }
        }
    }

    public struct Loaded: Sendable {
        public var origin: Origin
        public var table: SMBIOSTable
        public var tableBytes: Int
    }

    static let collector = "dmi"
    public let files: HostFiles

    public init(files: HostFiles) {
        self.files = files
    }

    /// Loads the table; every problem met on the way (including sources tried in vain) is a diagnostic.
    public func load(dumpFile: String? = nil) -> (Loaded?, [Diagnostic]) {
        if let dumpFile { return loadDump(dumpFile) }
        var diagnostics: [Diagnostic] = []
        let (sysfs, sysfsProblems) = loadSysfs()
        diagnostics += sysfsProblems
        if let sysfs { return (sysfs, diagnostics) }
        let (mem, memProblems) = DevMemScanner(files: files).load()
        diagnostics += memProblems
        if mem == nil {
            diagnostics.append(Diagnostic(
                collector: Self.collector,
                error: "no SMBIOS table found (looked in \(files.path(.sys, "firmware/dmi/tables")) and \(files.path(.dev, "mem"))); dmi facts are empty",
                severity: .error))
        }
        return (mem, diagnostics)
    }

    func loadSysfs() -> (Loaded?, [Diagnostic]) {
        let entryPath = "firmware/dmi/tables/smbios_entry_point"
        let tablePath = "firmware/dmi/tables/DMI"
        let entryBytes: [UInt8]
        let tableBytes: [UInt8]
        do {
            entryBytes = try files.bytes(.sys, entryPath)
            tableBytes = try files.bytes(.sys, tablePath)
        } catch {
            return (nil, [Diagnostic(collector: Self.collector, path: error.path, error: "\(error); trying the next source")])
        }
        var diagnostics: [Diagnostic] = []
        let entryPoint: SMBIOSEntryPoint?
        do {
            entryPoint = try SMBIOSEntryPoint.parse(entryBytes, requireChecksum: false)
        } catch {
            // The kernel found the table, so it is decoded even without a usable entry point.
            diagnostics.append(Diagnostic(
                collector: Self.collector, path: files.path(.sys, entryPath),
                error: "\(error); decoding the table as SMBIOS 3.0"))
            entryPoint = nil
        }
        let path = files.path(.sys, tablePath)
        let table = SMBIOSTable.parse(tableBytes, entryPoint: entryPoint)
        diagnostics += Self.notes(entryPoint, table, path: path)
        return (Loaded(origin: .sysfs(path), table: table, tableBytes: tableBytes.count), diagnostics)
    }

    func loadDump(_ path: String) -> (Loaded?, [Diagnostic]) {
        let bytes: [UInt8]
        do {
            bytes = try HostFiles.readFile(path)
        } catch {
            return (nil, [Diagnostic(collector: Self.collector, path: path, error: "cannot read the dump: \(error)", severity: .error)])
        }
        let entryPoint: SMBIOSEntryPoint
        do {
            entryPoint = try SMBIOSEntryPoint.parse(Array(bytes.prefix(0x20)), requireChecksum: false)
        } catch {
            return (nil, [Diagnostic(collector: Self.collector, path: path, error: "not a dmidecode dump: \(error)", severity: .error)])
        }
        // `--dump-bin` rewrites the table address to the table's offset in the file (0x20).
        let start = Int(clamping: entryPoint.tableAddress)
        var diagnostics: [Diagnostic] = []
        guard start <= bytes.count else {
            return (nil, [Diagnostic(
                collector: Self.collector, path: path,
                error: "table offset 0x\(hex(start, width: 8)) is past the end of the file (\(bytes.count) bytes)",
                severity: .error)])
        }
        let announced = Int(entryPoint.tableLength)
        let available = bytes.count - start
        if announced > available && entryPoint.kind != .smbios3 {
            diagnostics.append(Diagnostic(
                collector: Self.collector, path: path,
                error: "table truncated: the entry point announces \(announced) bytes, the file holds \(available); decoding what is there"))
        }
        let tableBytes = Array(bytes[start..<start + min(announced, available)])
        let table = SMBIOSTable.parse(tableBytes, entryPoint: entryPoint)
        diagnostics += Self.notes(entryPoint, table, path: path)
        return (Loaded(origin: .dumpFile(path), table: table, tableBytes: tableBytes.count), diagnostics)
    }

    static func notes(_ entryPoint: SMBIOSEntryPoint?, _ table: SMBIOSTable, path: String) -> [Diagnostic] {
        ((entryPoint?.notes ?? []) + table.problems).map {
            Diagnostic(collector: collector, path: path, error: $0)
        }
    }
}
