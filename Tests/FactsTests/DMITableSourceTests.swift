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
