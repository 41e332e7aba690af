/// The SMBIOS structure table split into structures, with every bound checked.
public struct SMBIOSTable: Sendable, Equatable {
    public var entryPoint: SMBIOSEntryPoint?
    public var structures: [SMBIOSStructure]
    /// What was wrong with the table (each message says what was skipped); empty for a sound table.
    public var problems: [String]
    /// The header of a last structure that runs past the table end (dmidecode shows it as `<TRUNCATED>`).
    public var truncated: TruncatedStructure?

    public struct TruncatedStructure: Sendable, Equatable {
        public var type: UInt8
        public var handle: UInt16
        public var length: Int
    }

    public init(
        entryPoint: SMBIOSEntryPoint?, structures: [SMBIOSStructure], problems: [String],
        truncated: TruncatedStructure? = nil
    ) {
        self.entryPoint = entryPoint
        self.structures = structures
        self.problems = problems
        self.truncated = truncated
    }

    /// Splits `table` into structures the way dmidecode walks it: stop at a structure shorter than its
    /// 4-byte header (the next one cannot be found), at a string set that runs past the end, after the
    /// announced structure count (2.x), and at the end-of-table structure (3.x).
    public static func parse(_ table: [UInt8], entryPoint: SMBIOSEntryPoint?) -> SMBIOSTable {
        var structures: [SMBIOSStructure] = []
        var problems: [String] = []
        var truncated: TruncatedStructure?
        let limit = entryPoint?.structureCount.map(Int.init)
        let stopAtEndOfTable = entryPoint?.kind == .smbios3 || entryPoint == nil
        var offset = 0

        while offset + 4 <= table.count, limit.map({ structures.count < $0 }) ?? true {
            let type = table[offset]
            let length = Int(table[offset + 1])
            if length < 4 {
                problems.append("structure at offset 0x\(hex(offset, width: 4)) (type \(type)) has an invalid length (\(length)); the table is broken here, \(structures.count) structures decoded")
                break
            }
            // The string set follows the formatted area and ends with two NUL bytes.
            var next = offset + length
            while next + 1 < table.count && (table[next] != 0 || table[next + 1] != 0) { next += 1 }
            next += 2
            if next > table.count {
                let left = table.count - offset
                problems.append("structure at offset 0x\(hex(offset, width: 4)) (type \(type)) runs past the table end (length \(length), string set unterminated, \(left) bytes left); skipped, \(structures.count) structures decoded")
                truncated = TruncatedStructure(
                    type: type, handle: UInt16(table[offset + 2]) | UInt16(table[offset + 3]) << 8, length: length)
                break
            }
            let formatted = Array(table[offset..<offset + length])
            structures.append(SMBIOSStructure(
                formatted: formatted, strings: splitStrings(table[offset + length..<next]), offset: offset))
            offset = next
            if type == 127 && stopAtEndOfTable { break }
        }
        if let limit, structures.count != limit, problems.isEmpty {
            problems.append("the entry point announces \(limit) structures, the table holds \(structures.count)")
        }
        if structures.isEmpty && problems.isEmpty {
            problems.append("the structure table is empty (\(table.count) bytes)")
        }
        return SMBIOSTable(entryPoint: entryPoint, structures: structures, problems: problems, truncated: truncated)
    }

    /// The strings of a string set (everything between the formatted area and the double NUL).
    static func splitStrings(_ area: ArraySlice<UInt8>) -> [[UInt8]] {
        var strings: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in area {
            if byte == 0 {
                if current.isEmpty { break }
                strings.append(current)
                current = []
            } else {
                current.append(byte)
            }
        }
        return strings
    }

    public func structures(ofType type: UInt8) -> [SMBIOSStructure] {
        structures.filter { $0.type == type }
    }
}
