import Testing
@testable import Facts

/// The table walk on real dumps and on broken ones.
@Suite struct SMBIOSTableTests {
    /// Splits a `--dump-bin` file the way `DMITableSource` does.
    static func load(_ fixture: String) throws -> SMBIOSTable {
        try Fixtures.dmiTable(fixture)
    }

    /// A structure with `formatted` after a 4-byte header and the given strings.
    static func structure(type: UInt8, handle: UInt16, body: [UInt8], strings: [String]) -> [UInt8] {
        var bytes: [UInt8] = [type, UInt8(4 + body.count), UInt8(handle & 0xFF), UInt8(handle >> 8)] + body
        for s in strings { bytes += Array(s.utf8) + [0] }
        bytes += strings.isEmpty ? [0, 0] : [0]
        return bytes
    }

    static let endOfTable = structure(type: 127, handle: 0xFEFF, body: [], strings: [])

    @Test func realSM2Table_yieldsTheAnnouncedStructureCount_withoutProblems() throws {
        let table = try Self.load("dmi/u-root/SuperMicro-X9DBL.bin")
        #expect(table.structures.count == Int(table.entryPoint!.structureCount!))
        #expect(table.problems.isEmpty)
        #expect(table.structures.first?.type == 0)
        #expect(table.structures.last?.type == 127)
    }

    @Test func zeroLengthStructure_stopsTheWalk_keepsEarlierStructures_andSaysWhere() throws {
        // go-smbios' HyperV table has a zero-length structure after five good ones.
        let table = try Self.load("dmi/derived/go-smbios-HyperV.bin")
        #expect(table.structures.count == 5)
        #expect(table.problems.count == 1)
        #expect(table.problems[0].contains("invalid length (0)"))
        #expect(table.problems[0].contains("5 structures decoded"))
    }

    @Test func structureRunningPastTheTableEnd_isSkipped_earlierHandlesKept() {
        let first = Self.structure(type: 1, handle: 1, body: [1, 0, 0, 0], strings: ["Vendor"])
        var second = Self.structure(type: 2, handle: 2, body: [1, 0, 0, 0], strings: ["Board"])
        second[1] = 0x40  // length far past the end
        let table = SMBIOSTable.parse(first + second, entryPoint: nil)
        #expect(table.structures.map(\.handle) == [1])
        #expect(table.problems.count == 1)
        #expect(table.problems[0].contains("runs past the table end"))
        #expect(table.problems[0].contains("(type 2)"))
    }

    @Test func unterminatedStringSet_isReportedAsTruncated() {
        var bytes = Self.structure(type: 1, handle: 1, body: [1, 0, 0, 0], strings: ["Vendor"])
        bytes.removeLast(2)  // cut the double NUL
        let table = SMBIOSTable.parse(bytes, entryPoint: nil)
        #expect(table.structures.isEmpty)
        #expect(table.problems.first?.contains("unterminated") == true)
    }

    @Test func stringIndexPastTheStringSet_isABadIndex_notACrash() {
        let bytes = Self.structure(type: 1, handle: 1, body: [1, 5, 0, 0], strings: ["Vendor"]) + Self.endOfTable
        let table = SMBIOSTable.parse(bytes, entryPoint: nil)
        let s = table.structures[0]
        #expect(s.string(at: 4) == .value("Vendor"))
        #expect(s.string(at: 5) == .badIndex)
        #expect(s.string(at: 6) == DMIString.none)
        #expect(s.string(at: 8) == nil)
        let system = SystemInformation(s, DMIContext(version: 0x0300))
        #expect(system?.manufacturer == "Vendor")
        #expect(system?.productName == nil)
        let text = DMITextRenderer.render(DMIDecoder.record(s, DMIContext(version: 0x0300)))
        #expect(text.contains("\tProduct Name: <BAD INDEX>\n"))
    }

    @Test func emptyTable_isAProblem_notACrash() {
        let table = SMBIOSTable.parse([], entryPoint: nil)
        #expect(table.structures.isEmpty)
        #expect(table.problems == ["the structure table is empty (0 bytes)"])
    }

    @Test func sm3Table_stopsAtEndOfTable_evenWithBytesAfterIt() {
        let bios = Self.structure(type: 0, handle: 0, body: [UInt8](repeating: 0, count: 14), strings: [])
        let trailing = Self.structure(type: 1, handle: 9, body: [0, 0, 0, 0], strings: [])
        let table = SMBIOSTable.parse(bios + Self.endOfTable + trailing, entryPoint: nil)
        #expect(table.structures.map(\.type) == [0, 127])
        #expect(table.problems.isEmpty)
    }

    @Test func nonPrintableBytesInStrings_areShownAsDots() {
        var bytes = Self.structure(type: 1, handle: 1, body: [1, 0, 0, 0], strings: ["AB"])
        bytes[9] = 0x07  // 'B': after the 8-byte formatted area and 'A'
        let table = SMBIOSTable.parse(bytes, entryPoint: nil)
        #expect(table.structures[0].string(at: 4) == .value("A."))
    }
}

extension SMBIOSTableTests {
    @Test func structureCutOffByTheTableEnd_isRenderedAsTruncated_likeDmidecode() {
        let first = Self.structure(type: 1, handle: 1, body: [1, 0, 0, 0], strings: ["Vendor"])
        var second = Self.structure(type: 2, handle: 0x22, body: [1, 0, 0, 0], strings: ["Board"])
        second[1] = 0x40
        let text = DMITextRenderer.render(SMBIOSTable.parse(first + second, entryPoint: nil))
        #expect(text.hasSuffix("Handle 0x0022, DMI type 2, 64 bytes\n\t<TRUNCATED>\n\n"))
        #expect(text.hasPrefix("Handle 0x0001, DMI type 1, 8 bytes\nSystem Information\n"))
    }
}
