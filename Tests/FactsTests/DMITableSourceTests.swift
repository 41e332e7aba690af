import Testing
@testable import Facts

@Suite struct DMITableSourceTests {
    func source(_ tree: TemporaryTree) -> DMITableSource {
        DMITableSource(files: HostFiles(root: HostRoot(under: tree.path)))
    }

    @Test func sysfsTablesOnly_areFoundAndDecoded() throws {
        let dump = try Fixtures.bytes("dmi/go-smbios/Beelink-EQ12.dmi")
        let tree = try TemporaryTree.sysfsDMI(fromDump: dump)
        let (loaded, diagnostics) = source(tree).load()
        let table = try #require(loaded?.table)
        #expect(loaded?.origin == .sysfs(tree.path + "/sys/firmware/dmi/tables/DMI"))
        #expect(table.entryPoint?.kind == .smbios3)
        #expect(table.structures.count > 20)
        #expect(diagnostics.isEmpty)
    }

    @Test func missingSysRoot_namesEveryPlaceItLooked_andFindsNothing() throws {
        let tree = try TemporaryTree()
        let (loaded, diagnostics) = source(tree).load()
        #expect(loaded == nil)
        #expect(diagnostics.contains { $0.path?.hasSuffix("sys/firmware/dmi/tables/smbios_entry_point") == true })
        #expect(diagnostics.contains { $0.path?.hasSuffix("dev/mem") == true })
        let last = try #require(diagnostics.last)
        #expect(last.severity == .error)
        #expect(last.error.contains("no SMBIOS table found"))
        #expect(last.error.contains(tree.path + "/sys/firmware/dmi/tables"))
    }

    @Test func sysfsEntryPointWithWrongChecksum_isNoted_andTheTableStillDecoded() throws {
        var dump = try Fixtures.bytes("dmi/u-root/SuperMicro-X9DBL.bin")
        dump[0x04] &+= 1
        let tree = try TemporaryTree.sysfsDMI(fromDump: dump)
        let (loaded, diagnostics) = source(tree).load()
        #expect(loaded?.table.structures.count == 115)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].error.contains("checksum is wrong"))
    }

    @Test func truncatedEntryPoint_isNamed_andTheTableDecodedAsSMBIOS3() throws {
        let dump = try Fixtures.bytes("dmi/u-root/SuperMicro-X9DBL.bin")
        let tree = try TemporaryTree.sysfsDMI(fromDump: dump)
        try tree.write("sys/firmware/dmi/tables/smbios_entry_point", Array(dump.prefix(12)))
        let (loaded, diagnostics) = source(tree).load()
        #expect(loaded?.table.structures.isEmpty == false)
        #expect(diagnostics.contains { $0.error.contains("entry point truncated: 12 bytes") })
    }

    @Test func truncatedDumpFile_decodesWhatIsThere_andSaysSo() throws {
        let dump = try Fixtures.bytes("dmi/u-root/SuperMicro-X9DBL.bin")
        let tree = try TemporaryTree()
        try tree.write("cut.bin", Array(dump.prefix(dump.count / 2)))
        let (loaded, diagnostics) = source(tree).load(dumpFile: tree.path + "/cut.bin")
        let table = try #require(loaded?.table)
        #expect(table.structures.count > 10)
        #expect(table.structures.count < 115)
        #expect(diagnostics.contains { $0.error.hasPrefix("table truncated") })
        #expect(diagnostics.contains { $0.error.contains("runs past the table end") })
    }

    @Test func dumpFileWithoutAnchor_isRejectedWithAClearError() throws {
        let tree = try TemporaryTree()
        try tree.write("junk.bin", Array("this is not a dump at all, not even close".utf8))
        let (loaded, diagnostics) = source(tree).load(dumpFile: tree.path + "/junk.bin")
        #expect(loaded == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].severity == .error)
        #expect(diagnostics[0].error.hasPrefix("not a dmidecode dump: no SMBIOS anchor"))
    }

    @Test func missingDumpFile_isAnError() {
        let (loaded, diagnostics) = DMITableSource(files: HostFiles(root: .host)).load(dumpFile: "/nonexistent/dump.bin")
        #expect(loaded == nil)
        #expect(diagnostics.first?.error == "cannot read the dump: no such file or directory")
    }
}

extension DMITableSourceTests {
    /// A `mem` file standing in for physical memory: the entry point on a 16-byte boundary in the BIOS
    /// area, pointing at the table elsewhere, as legacy firmware lays them out.
    @Test func legacyMemScan_findsTheAnchor_andReadsTheTableAtItsAddress() throws {
        let dump = try Fixtures.bytes("dmi/u-root/SuperMicro-X9DBL.bin")
        var entry = Array(dump.prefix(0x1F))
        let tableAddress: UInt32 = 0x9_0000
        for i in 0..<4 { entry[0x18 + i] = UInt8(truncatingIfNeeded: tableAddress >> (8 * UInt32(i))) }
        // Both checksums cover the address: recompute the intermediate (0x10-0x1E) and the whole.
        entry[0x15] = 0
        entry[0x15] = 0 &- entry[0x10..<0x1F].reduce(0, &+)
        entry[0x04] = 0
        entry[0x04] = 0 &- entry[0..<0x1F].reduce(0, &+)
        var memory = [UInt8](repeating: 0, count: 0x10_0000)
        memory.replaceSubrange(0xF_5A30..<0xF_5A30 + entry.count, with: entry)
        let table = Array(dump[0x20...])
        memory.replaceSubrange(Int(tableAddress)..<Int(tableAddress) + table.count, with: table)
        let tree = try TemporaryTree()
        try tree.write("dev/mem", memory)
        let (loaded, diagnostics) = source(tree).load()
        #expect(loaded?.origin == .devMem(tree.path + "/dev/mem", address: 0xF_5A30))
        #expect(loaded?.table.structures.count == 115)
        #expect(diagnostics.contains { $0.path?.hasSuffix("smbios_entry_point") == true })
        #expect(!diagnostics.contains { $0.severity == .error })
    }
}

extension DMITableSourceTests {
    @Test func efiSystemTables_giveTheEntryPointAddress() throws {
        let dir = "dmi/u-root-pkg-smbios/"
        let text = { (name: String) in String(decoding: try Fixtures.bytes(dir + name), as: UTF8.self) }
        #expect(EFISystemTable.smbiosAddress(try text("smbios3_systab")) == 0x1234_5678)
        #expect(EFISystemTable.smbiosAddress(try text("smbios2_systab")) == 0x1234_5678)
        #expect(EFISystemTable.smbiosAddress(try text("invalid_systab")) == nil)
    }

    /// A UEFI machine: no table in the BIOS area, the EFI system table points at the SMBIOS 3 entry point.
    @Test func efiMachine_readsTheEntryPointWhereTheSystemTablePoints() throws {
        let dump = try Fixtures.bytes("dmi/go-smbios/Beelink-EQ12.dmi")
        var entry = Array(dump.prefix(0x18))
        let tableAddress: UInt64 = 0x4_0000
        for i in 0..<8 { entry[0x10 + i] = UInt8(truncatingIfNeeded: tableAddress >> (8 * UInt64(i))) }
        entry[0x05] = 0
        entry[0x05] = 0 &- entry.reduce(0, &+)
        var memory = [UInt8](repeating: 0, count: 0x8_0000)
        memory.replaceSubrange(0x3_F000..<0x3_F000 + entry.count, with: entry)
        let table = Array(dump[0x20...])
        memory.replaceSubrange(Int(tableAddress)..<Int(tableAddress) + table.count, with: table)
        let tree = try TemporaryTree()
        try tree.write("dev/mem", memory)
        try tree.write("sys/firmware/efi/systab", Array("ACPI20=0x3e000\nSMBIOS3=0x3f000\n".utf8))
        let (loaded, diagnostics) = source(tree).load()
        #expect(loaded?.origin == .devMem(tree.path + "/dev/mem", address: 0x3_F000))
        #expect(loaded?.table.entryPoint?.kind == .smbios3)
        #expect(loaded?.table.structures.count == SMBIOSTable.parse(table, entryPoint: nil).structures.count)
        #expect(!diagnostics.contains { $0.severity == .error })
    }

    @Test func efiSystemTableWithoutSMBIOS_isNamed() throws {
        let tree = try TemporaryTree()
        try tree.write("dev/mem", [UInt8](repeating: 0, count: 16))
        try tree.write("sys/firmware/efi/systab", Array("ACPI20=0x3e000\n".utf8))
        let (loaded, diagnostics) = source(tree).load()
        #expect(loaded == nil)
        #expect(diagnostics.contains { $0.error == "EFI system table has no SMBIOS entry point" })
    }
}
