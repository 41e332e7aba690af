import Foundation
import Testing
@testable import Facts

@Suite struct MemoryCollectorTests {
    static func collect(_ tree: TemporaryTree) -> (MemoryFacts?, [Diagnostic]) {
        let output = MemoryCollector().collect(CollectionContext(files: HostFiles(root: HostRoot(under: tree.path))))
        var facts = Facts(metadata: FactsMetadata(
            mkagentVersion: "test", collectedAt: "", roots: HostRoot(under: tree.path), rootOrigins: [:], collectors: []))
        output.apply(&facts)
        return (facts.memory, output.diagnostics)
    }

    static let meminfo = """
        MemTotal:       65921280 kB
        MemFree:        59854264 kB
        MemAvailable:   63844924 kB
        Buffers:         1191244 kB
        Cached:          2725156 kB
        SwapTotal:       8388604 kB
        SwapFree:        8388604 kB
        HugePages_Total:       0

        """

    @Test func meminfoParser_convertsKilobytes_keepsCounts_andStripsNodePrefixes() {
        let info = MemInfo.parse(Self.meminfo)
        #expect(info.problems.isEmpty)
        #expect(info.values["MemTotal"] == 65_921_280 * 1024)
        #expect(info.values["HugePages_Total"] == 0)
        let node = MemInfo.parse("Node 1 MemTotal:       32940968 kB\nNode 1 MemUsed:         2290404 kB\n")
        #expect(node.values == ["MemTotal": 32_940_968 * 1024, "MemUsed": 2_290_404 * 1024])
    }

    @Test func meminfoParser_namesGarbageLines_andKeepsTheRest() {
        let info = MemInfo.parse("MemTotal: 1024 kB\nthis is not meminfo\nMemFree: lots kB\nCached: 5 MB\nBig: 99999999999999999999 kB\n: 3\n")
        #expect(info.values == ["MemTotal": 1024 * 1024])
        #expect(info.problems == [
            "line 2: 'this is not meminfo' is not 'Name: value [kB]'; skipped",
            "line 3: 'MemFree: lots kB' is not 'Name: value [kB]'; skipped",
            "line 4: 'Cached: 5 MB' is not 'Name: value [kB]'; skipped",
            "line 5: 'Big: 99999999999999999999 kB' is not 'Name: value [kB]'; skipped",
            "line 6: ': 3' is not 'Name: value [kB]'; skipped",
        ])
    }

    @Test func completeTree_givesTotalsBlocksNodes() throws {
        let tree = try TemporaryTree()
        try tree.write("proc/meminfo", Array(Self.meminfo.utf8))
        try tree.write("sys/devices/system/memory/block_size_bytes", Array("8000000\n".utf8))
        for (block, state) in [(0, "online"), (1, "online"), (2, "offline"), (3, "going-offline")] {
            try tree.write("sys/devices/system/memory/memory\(block)/state", Array("\(state)\n".utf8))
        }
        try tree.write("sys/devices/system/memory/memory4/online", Array("1\n".utf8))
        try tree.write("sys/devices/system/node/node1/meminfo", Array("Node 1 MemTotal: 4 kB\nNode 1 MemFree: 1 kB\nNode 1 MemUsed: 3 kB\n".utf8))
        try tree.write("sys/devices/system/node/node0/meminfo", Array("Node 0 MemTotal: 8 kB\n".utf8))
        try tree.write("sys/devices/system/node/online", Array("0-1\n".utf8))
        let (memory, diagnostics) = Self.collect(tree)
        let section = try #require(memory)
        #expect(section.totalBytes == 65_921_280 * 1024)
        #expect(section.swapFreeBytes == 8_388_604 * 1024)
        #expect(section.blockSizeBytes == 0x800_0000)
        #expect(section.onlineBlocks == 3)
        #expect(section.offlineBlocks == 2)
        #expect(section.onlineBytes == 3 * 0x800_0000)
        #expect(section.numaNodes == [
            NUMANodeMemory(node: 0, totalBytes: 8192),
            NUMANodeMemory(node: 1, totalBytes: 4096, freeBytes: 1024, usedBytes: 3072),
        ])
        // Only the missing SMBIOS table is worth a word.
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.error.hasSuffix("the DIMM list is left out") == true)
    }

    @Test func emptyMeminfo_isAnError_andTheRestIsStillRead() throws {
        let tree = try TemporaryTree()
        try tree.write("proc/meminfo", [])
        try tree.write("sys/devices/system/memory/block_size_bytes", Array("8000000\n".utf8))
        try tree.write("sys/devices/system/memory/memory0/state", Array("online\n".utf8))
        let (memory, diagnostics) = Self.collect(tree)
        let section = try #require(memory)
        #expect(section.totalBytes == nil)
        #expect(section.onlineBlocks == 1)
        let problem = try #require(diagnostics.first { $0.path == tree.path + "/proc/meminfo" })
        #expect(problem.error == "the file is empty; the total is left out")
        #expect(problem.severity == .error)
    }

    @Test func garbageMeminfo_namesEachBadLine_andKeepsTheGoodOnes() throws {
        let tree = try TemporaryTree()
        try tree.write("proc/meminfo", Array("MemTotal: 2048 kB\n\u{1}\u{2}garbage\nSwapTotal 12 kB\n".utf8))
        let (memory, diagnostics) = Self.collect(tree)
        #expect(memory?.totalBytes == 2048 * 1024)
        #expect(memory?.swapTotalBytes == nil)
        let lines = diagnostics.filter { $0.path == tree.path + "/proc/meminfo" }.map(\.error)
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.hasSuffix("is not 'Name: value [kB]'; skipped") })
        #expect(lines.first?.hasPrefix("line 2:") == true)
    }

    @Test func unreadableOrMissingMeminfo_isANamedError() throws {
        let directory = try TemporaryTree()
        try FileManager.default.createDirectory(atPath: directory.path + "/proc/meminfo", withIntermediateDirectories: true)
        let (memory, diagnostics) = Self.collect(directory)
        #expect(memory != nil)
        #expect(memory?.totalBytes == nil)
        #expect(diagnostics.contains {
            $0.path == directory.path + "/proc/meminfo" && $0.error == "is a directory; the memory totals are left out"
                && $0.severity == .error
        })
        let empty = try TemporaryTree()
        let (_, missing) = Self.collect(empty)
        #expect(missing.contains {
            $0.path == empty.path + "/proc/meminfo" && $0.error == "no such file or directory; the memory totals are left out"
        })
    }

    @Test func badBlockSize_isNamed() throws {
        let tree = try TemporaryTree()
        try tree.write("proc/meminfo", Array(Self.meminfo.utf8))
        try tree.write("sys/devices/system/memory/block_size_bytes", Array("zz\n".utf8))
        let (memory, diagnostics) = Self.collect(tree)
        #expect(memory?.blockSizeBytes == nil)
        #expect(diagnostics.contains { $0.error == "'zz' is not a hexadecimal size; left out" })
    }

    @Test func dimms_comeFromTheSMBIOSTable_asTheDMISectionDecodesThem() throws {
        let dump = try Fixtures.bytes("dmi/u-root/SuperMicro-X9DBL.bin")
        let tree = try TemporaryTree.sysfsDMI(fromDump: dump)
        try tree.write("proc/meminfo", Array(Self.meminfo.utf8))
        let (memory, diagnostics) = Self.collect(tree)
        let section = try #require(memory)
        #expect(diagnostics.isEmpty)
        let (loaded, _) = DMITableSource(files: HostFiles(root: HostRoot(under: tree.path))).load()
        let devices = DMIFacts(try #require(loaded).table, source: "").memoryDevices
        #expect(section.dimms.count == 6)
        #expect(section.dimms == devices.map(MemoryModule.init))
        #expect(section.dimmSource == "sysfs \(tree.path)/sys/firmware/dmi/tables/DMI")
        let populated = section.dimms.filter { $0.sizeBytes != nil }
        #expect(section.installedBytes == populated.map { $0.sizeBytes! }.reduce(0, +))
        for (module, device) in zip(section.dimms, devices) {
            #expect(module.locator == device.locator)
            #expect(module.partNumber == device.partNumber)
            #expect(module.speedMts == device.speedMts)
        }
    }
}
