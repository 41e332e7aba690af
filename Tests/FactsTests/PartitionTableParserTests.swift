import Foundation
import Testing
@testable import Facts

/// GPT and MBR tables written by sfdisk into image files, read back by the parser and compared with
/// `sfdisk --json` on the same image (util-linux, the oracle).
@Suite struct PartitionTableParserTests {
    /// A 64 MiB image partitioned by sfdisk from `script`.
    static func image(_ script: String) throws -> (TemporaryTree, String) {
        let tree = try TemporaryTree()
        let path = tree.path + "/disk.img"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 64 << 20)
        try handle.close()
        let result = try ExternalTool.run("sfdisk", ["-q", path], input: script)
        #expect(result.status == 0, "sfdisk: \(result.stderr)")
        return (tree, path)
    }

    /// Reads an image file the way the storage reader reads a device node: through a host root whose dev
    /// tree is the image's directory.
    static func parseImage(_ path: String, sectorSize: Int = 512) throws -> PartitionTableParser.Result {
        let directory = (path as NSString).deletingLastPathComponent
        let files = HostFiles(root: HostRoot(proc: "/proc", sys: "/sys", dev: directory, etc: "/etc"))
        let name = (path as NSString).lastPathComponent
        return try PartitionTableParser.parse(sectorSize: sectorSize) { (offset, count) throws(HostFileError) in
            try files.bytes(.dev, name, offset: offset, count: count)
        }
    }

    static func sfdiskJSON(_ path: String) throws -> [String: Any] {
        let result = try ExternalTool.run("sfdisk", ["--json", path])
        #expect(result.status == 0, "sfdisk --json: \(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return try #require(object?["partitiontable"] as? [String: Any])
    }

    /// Every field sfdisk prints for a partition, compared by partition number.
    static func compare(_ table: PartitionTable, with oracle: [String: Any], path: String) throws {
        #expect(table.type == oracle["label"] as? String)
        #expect(table.id == oracle["id"] as? String)
        #expect(table.sectorSize == oracle["sectorsize"] as? Int)
        let partitions = try #require(oracle["partitions"] as? [[String: Any]])
        #expect(table.entries.count == partitions.count)
        for expected in partitions {
            let node = try #require(expected["node"] as? String)
            let number = try #require(Int(node.dropFirst(path.count)))
            let entry = try #require(table.entries.first { $0.number == number }, "partition \(number) missing")
            #expect(entry.start == UInt64(try #require(expected["start"] as? Int)), "start of \(number)")
            #expect(entry.size == UInt64(try #require(expected["size"] as? Int)), "size of \(number)")
            if table.type == "gpt" {
                #expect(entry.typeId == expected["type"] as? String, "type of \(number)")
                #expect(entry.uuid == expected["uuid"] as? String, "uuid of \(number)")
                #expect(entry.label == expected["name"] as? String, "name of \(number)")
            } else {
                #expect(entry.typeId == expected["type"] as? String, "type of \(number)")
                #expect(entry.bootable == (expected["bootable"] as? Bool ?? false), "bootable of \(number)")
            }
        }
    }

    @Test func gpt_matchesSfdisk() throws {
        let (tree, path) = try Self.image("""
            label: gpt
            label-id: 0C2A8B52-5E6F-4B53-9C4D-1E2F3A4B5C6D
            start=2048, size=20480, type=C12A7328-F81F-11D2-BA4B-00A0C93EC93B, name="EFI System", uuid=11111111-2222-3333-4444-555555555555
            size=40960, type=0FC63DAF-8483-4772-8E79-3D69D8477DE4, name="root ü"
            size=8192, type=0657FD6D-A4AB-43C4-84E5-0933C84B4F4F

            """)
        _ = tree
        let result = try Self.parseImage(path)
        #expect(result.problems.isEmpty)
        let table = try #require(result.table)
        try Self.compare(table, with: try Self.sfdiskJSON(path), path: path)
        #expect(table.entries.map(\.typeName) == ["EFI System", "Linux filesystem", "Linux swap"])
    }

    @Test func mbrWithLogicalPartitions_matchesSfdisk() throws {
        let (tree, path) = try Self.image("""
            label: dos
            label-id: 0x12345678
            start=2048, size=20480, type=83, bootable
            size=20480, type=8e
            size=40000, type=5
            size=10000, type=82
            size=10000, type=83
            size=10000, type=fd

            """)
        _ = tree
        let result = try Self.parseImage(path)
        #expect(result.problems.isEmpty)
        let table = try #require(result.table)
        try Self.compare(table, with: try Self.sfdiskJSON(path), path: path)
        #expect(table.entries.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(table.entries.first { $0.number == 5 }?.uuid == "12345678-05")
        #expect(table.entries.first { $0.number == 2 }?.typeName == "Linux LVM")
    }

    @Test func gptWithABrokenHeaderCRC_isReported_andNotUsed() throws {
        let (tree, path) = try Self.image("label: gpt\nsize=8192, type=L\n")
        _ = tree
        // Flip one byte of the disk GUID in the primary header (LBA 1, offset 56).
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try handle.seek(toOffset: 512 + 56)
        let byte = try #require(try handle.read(upToCount: 1))
        try handle.seek(toOffset: 512 + 56)
        handle.write(Data([byte[0] ^ 0xFF]))
        try handle.close()
        let result = try Self.parseImage(path)
        #expect(result.table == nil)
        #expect(result.problems == ["GPT header CRC does not match; table not used"])
    }

    @Test func blankDevice_hasNoTable_andNoProblems() throws {
        let tree = try TemporaryTree()
        try tree.write("blank.img", [UInt8](repeating: 0, count: 8192))
        let result = try Self.parseImage(tree.path + "/blank.img")
        #expect(result.table == nil)
        #expect(result.problems.isEmpty)
    }

    @Test func mbrExtendedChainThatLoops_stopsWithAProblem() throws {
        // Sector 0: one extended partition at sector 2; sector 2: an EBR whose link points back at itself.
        var disk = [UInt8](repeating: 0, count: 8 * 512)
        func entry(_ sector: Int, _ slot: Int, type: UInt8, start: UInt32, size: UInt32) {
            let o = sector * 512 + 446 + slot * 16
            disk[o + 4] = type
            for i in 0..<4 { disk[o + 8 + i] = UInt8(start >> (8 * UInt32(i)) & 0xFF) }
            for i in 0..<4 { disk[o + 12 + i] = UInt8(size >> (8 * UInt32(i)) & 0xFF) }
        }
        for sector in [0, 2] { disk[sector * 512 + 510] = 0x55; disk[sector * 512 + 511] = 0xAA }
        entry(0, 0, type: 0x05, start: 2, size: 6)
        entry(2, 0, type: 0x83, start: 1, size: 1)
        entry(2, 1, type: 0x05, start: 0, size: 6)
        let result = PartitionTableParser.parse(sectorSize: 512) { (offset: UInt64, count: Int) -> [UInt8] in
            Array(disk[Int(offset)..<min(disk.count, Int(offset) + count)])
        }
        let table = try #require(result.table)
        #expect(table.entries.map(\.number) == [1, 5])
        #expect(table.entries.last?.start == 3)
        #expect(result.problems.isEmpty, "a zero link ends the chain")
        // Now make the link point at the extended start again (offset 0 is "end"; use a real loop via 2 → 2).
        entry(0, 0, type: 0x05, start: 2, size: 6)
        entry(2, 1, type: 0x05, start: 4, size: 2)
        for sector in [6] { disk[sector * 512 + 510] = 0x55; disk[sector * 512 + 511] = 0xAA }
        entry(6, 1, type: 0x05, start: 4, size: 2)
        let looping = PartitionTableParser.parse(sectorSize: 512) { (offset: UInt64, count: Int) -> [UInt8] in
            Array(disk[Int(offset)..<min(disk.count, Int(offset) + count)])
        }
        #expect(looping.problems.count == 1)
        #expect(looping.problems.first?.contains("loops at sector 6") == true)
    }
}
