/// Reads GPT and MBR partition tables from the first sectors of a device. Pure: the bytes come from the
/// `read(offset, count)` closure (a device node through HostFiles, or an image in a test).
///
/// A protective MBR (type 0xEE) sends the parser to the GPT header at LBA 1; a GPT header whose CRC does not
/// match is reported and not used (the backup header at the end of the device is not tried).
public enum PartitionTableParser {
    public struct Result: Sendable, Equatable {
        public var table: PartitionTable?
        /// What was wrong with the table (a bad CRC, an extended chain that loops); empty when it is sound.
        public var problems: [String]
    }

    public static func parse<E: Error>(
        sectorSize: Int, read: (_ offset: UInt64, _ count: Int) throws(E) -> [UInt8]
    ) throws(E) -> Result {
        let sector0 = try read(0, 512)
        guard sector0.count == 512, sector0[510] == 0x55, sector0[511] == 0xAA else {
            // No MBR signature: a GPT header alone (no protective MBR) is still worth a look.
            return try gpt(sectorSize: sectorSize, read: read) ?? Result(table: nil, problems: [])
        }
        let primary = (0..<4).map { mbrEntry(sector0, at: 446 + $0 * 16) }
        if primary.contains(where: { $0.type == 0xEE }), let result = try gpt(sectorSize: sectorSize, read: read) {
            return result
        }
        // A FAT or NTFS boot sector also ends in 55 AA; its "entries" have non-zero status bytes other than 0x80.
        guard primary.allSatisfy({ $0.status == 0 || $0.status == 0x80 }) else { return Result(table: nil, problems: []) }
        return try mbr(sector0: sector0, primary: primary, sectorSize: sectorSize, read: read)
    }

    // MARK: MBR

    private struct MBREntry {
        var status: UInt8
        var type: UInt8
        var start: UInt64
        var size: UInt64
    }

    private static func mbrEntry(_ sector: [UInt8], at offset: Int) -> MBREntry {
        MBREntry(status: sector[offset], type: sector[offset + 4],
                 start: UInt64(le32(sector, offset + 8)), size: UInt64(le32(sector, offset + 12)))
    }

    static func isExtended(_ type: UInt8) -> Bool { type == 0x05 || type == 0x0F || type == 0x85 }

    private static func mbr<E: Error>(
        sector0: [UInt8], primary: [MBREntry], sectorSize: Int, read: (UInt64, Int) throws(E) -> [UInt8]
    ) throws(E) -> Result {
        let signature = le32(sector0, 440)
        let id = "0x" + HexText.lower(UInt64(signature), digits: 8)
        var entries: [PartitionTable.Entry] = []
        var problems: [String] = []
        func entry(_ number: Int, _ e: MBREntry, start: UInt64) -> PartitionTable.Entry {
            var result = PartitionTable.Entry(number: number, start: start, size: e.size, typeId: String(e.type, radix: 16))
            result.typeName = MBRPartitionType.name(e.type)
            result.bootable = e.status == 0x80
            if signature != 0 {
                result.uuid = HexText.lower(UInt64(signature), digits: 8) + "-" + HexText.lower(UInt64(number), digits: 2)
            }
            return result
        }
        for (index, e) in primary.enumerated() where e.type != 0 && e.size != 0 {
            entries.append(entry(index + 1, e, start: e.start))
        }
        // Logical partitions: a chain of EBRs, each holding one partition (relative to that EBR) and a link
        // to the next EBR (relative to the start of the extended partition).
        if let extended = primary.first(where: { isExtended($0.type) && $0.size != 0 }) {
            var number = 5
            var next: UInt64 = 0
            var visited = Set<UInt64>()
            while number < 5 + 256 {
                let ebrStart = extended.start + next
                guard visited.insert(ebrStart).inserted else {
                    problems.append("the extended partition chain loops at sector \(ebrStart); stopped after \(number - 5) logical partitions")
                    break
                }
                let ebr = try read(ebrStart * UInt64(sectorSize), 512)
                guard ebr.count == 512, ebr[510] == 0x55, ebr[511] == 0xAA else {
                    problems.append("no EBR signature at sector \(ebrStart); stopped after \(number - 5) logical partitions")
                    break
                }
                let logical = mbrEntry(ebr, at: 446)
                let link = mbrEntry(ebr, at: 462)
                if logical.type != 0 && logical.size != 0 {
                    entries.append(entry(number, logical, start: ebrStart + logical.start))
                    number += 1
                }
                guard isExtended(link.type), link.start != 0 else { break }
                next = link.start
            }
        }
        return Result(table: PartitionTable(type: "dos", id: id, sectorSize: sectorSize, entries: entries), problems: problems)
    }

    // MARK: GPT

    private static func gpt<E: Error>(
        sectorSize: Int, read: (UInt64, Int) throws(E) -> [UInt8]
    ) throws(E) -> Result? {
        let header = try read(UInt64(sectorSize), 512)
        guard header.count >= 92, header.starts(with: Array("EFI PART".utf8)) else { return nil }
        let headerSize = Int(le32(header, 12))
        guard headerSize >= 92, headerSize <= header.count else {
            return Result(table: nil, problems: ["GPT header size \(headerSize) is out of range; table not used"])
        }
        var zeroed = Array(header[0..<headerSize])
        zeroed.replaceSubrange(16..<20, with: [0, 0, 0, 0])
        guard CRC32.checksum(zeroed) == le32(header, 16) else {
            return Result(table: nil, problems: ["GPT header CRC does not match; table not used"])
        }
        let entriesLBA = le64(header, 72)
        let count = Int(le32(header, 80))
        let entrySize = Int(le32(header, 84))
        guard entrySize >= 128, entrySize % 8 == 0, count <= 4096 else {
            return Result(table: nil, problems: ["GPT entry size \(entrySize) or count \(count) is out of range; table not used"])
        }
        let bytes = try read(entriesLBA * UInt64(sectorSize), count * entrySize)
        guard bytes.count == count * entrySize else {
            return Result(table: nil, problems: ["GPT entries end early (\(bytes.count) of \(count * entrySize) bytes); table not used"])
        }
        var problems: [String] = []
        if CRC32.checksum(bytes) != le32(header, 88) {
            problems.append("GPT partition entries CRC does not match the header; entries listed as read")
        }
        var entries: [PartitionTable.Entry] = []
        for index in 0..<count {
            let e = Array(bytes[index * entrySize..<(index + 1) * entrySize])
            let type = guid(e, 0)
            guard type != "00000000-0000-0000-0000-000000000000" else { continue }
            let first = le64(e, 32), last = le64(e, 40)
            var entry = PartitionTable.Entry(number: index + 1, start: first, size: last >= first ? last - first + 1 : 0, typeId: type)
            entry.typeName = GPTPartitionType.name(type)
            entry.uuid = guid(e, 16)
            entry.attributes = le64(e, 48)
            let name = utf16Name(e[56..<128])
            entry.label = name.isEmpty ? nil : name
            entries.append(entry)
        }
        let table = PartitionTable(type: "gpt", id: guid(header, 56), sectorSize: sectorSize, entries: entries)
        return Result(table: table, problems: problems)
    }

    /// A GUID in its mixed-endian on-disk layout, as upper-case text (sfdisk's spelling).
    static func guid(_ bytes: [UInt8], _ offset: Int) -> String {
        let b = Array(bytes[offset..<offset + 16])
        func hex(_ indices: [Int]) -> String { indices.map { HexText.upper(UInt64(b[$0]), digits: 2) }.joined() }
        return [hex([3, 2, 1, 0]), hex([5, 4]), hex([7, 6]), hex([8, 9]), hex(Array(10..<16))].joined(separator: "-")
    }

    private static func utf16Name(_ bytes: ArraySlice<UInt8>) -> String {
        var units: [UInt16] = []
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let unit = UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
            if unit == 0 { break }
            units.append(unit)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    private static func le32(_ b: [UInt8], _ o: Int) -> UInt32 {
        UInt32(b[o]) | UInt32(b[o + 1]) << 8 | UInt32(b[o + 2]) << 16 | UInt32(b[o + 3]) << 24
    }

    private static func le64(_ b: [UInt8], _ o: Int) -> UInt64 {
        UInt64(le32(b, o)) | UInt64(le32(b, o + 4)) << 32
    }
}
