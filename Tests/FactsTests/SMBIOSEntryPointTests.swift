import Testing
@testable import Facts

@Suite struct SMBIOSEntryPointTests {
    @Test func sm3EntryPointOfARealDump_parsesVersionAndTableAddress() throws {
        let bytes = try Fixtures.bytes("dmi/go-smbios/Beelink-EQ12.dmi")
        let ep = try SMBIOSEntryPoint.parse(Array(bytes.prefix(0x20)))
        #expect(ep.kind == .smbios3)
        #expect(ep.tableAddress == 0x20)
        #expect(ep.version >= 0x0300)
    }

    @Test func sm2EntryPoint_parsesCountAndLength() throws {
        let bytes = try Fixtures.bytes("dmi/u-root/SuperMicro-X9DBL.bin")
        let ep = try SMBIOSEntryPoint.parse(Array(bytes.prefix(0x20)))
        #expect(ep.kind == .smbios2)
        #expect(ep.structureCount != nil)
        #expect(ep.tableAddress == 0x20)
        #expect(Int(ep.tableLength) == bytes.count - 0x20)
    }

    @Test func wrongChecksum_isRejectedWhenRequired_andNotedOtherwise() throws {
        var bytes = Array(try Fixtures.bytes("dmi/u-root/SuperMicro-X9DBL.bin").prefix(0x20))
        bytes[0x06] &+= 1
        #expect(throws: SMBIOSEntryPoint.ParseError.badChecksum(anchor: "_SM_")) {
            try SMBIOSEntryPoint.parse(bytes)
        }
        let lenient = try SMBIOSEntryPoint.parse(bytes, requireChecksum: false)
        #expect(lenient.notes.contains { $0.contains("checksum") })
    }

    @Test func truncatedEntryPoint_throwsTooShort() {
        #expect(throws: SMBIOSEntryPoint.ParseError.tooShort(length: 10, needed: 0x18)) {
            try SMBIOSEntryPoint.parse(Array("_SM3_".utf8) + [UInt8](repeating: 0, count: 5))
        }
    }
}
