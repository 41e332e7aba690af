import Foundation
import Testing
@testable import Facts

/// The storage reader on made-up sysfs trees, with lsscsi (`--sysfsroot`) as the oracle for the SCSI and
/// NVMe view.
@Suite struct StorageReaderTests {
    @Test func sataDiskEnclosureAndNVMe_areReadWithTheirAddressesAndIdentity() throws {
        let tree = try StorageFixture.sataTree()
        try StorageFixture.withNVMe(tree)
        var reader = StorageReader(files: HostFiles(root: HostRoot(under: tree.path)))
        reader.readPartitionTables = false
        let facts = reader.read().facts
        #expect(facts.blockDevices.map(\.name) == ["nvme0n1", "sda"])
        let sda = try #require(facts.blockDevices.first { $0.name == "sda" })
        #expect(sda.vendor == "ATA")
        #expect(sda.model == "Samsung SSD 860")
        #expect(sda.firmwareRevision == "4B6Q")
        #expect(sda.sizeBytes == 976_773_168 * 512)
        #expect(sda.scsiAddress == "0:0:0:0")
        #expect(sda.transport == "sata")
        #expect(sda.controllerAddress == "0000:00:1f.2")
        #expect(sda.rotational == false)
        #expect(sda.partitions.map(\.name) == ["sda1"])
        #expect(sda.partitions.first?.startBytes == 2048 * 512)
        let nvme = try #require(facts.blockDevices.first { $0.name == "nvme0n1" })
        #expect(nvme.transport == "nvme")
        #expect(nvme.model == "Samsung SSD 970 EVO Plus 1TB")
        #expect(nvme.serial == "S4EWNX0R123456A")
        #expect(nvme.wwn == "eui.0025385b91b2c3d4")
        #expect(nvme.nvmeController == "nvme0" && nvme.nvmeNamespaceId == 1)
        #expect(nvme.controllerAddress == "0000:3d:00.0")
        #expect(facts.nvmeControllers.map(\.namespaces) == [["nvme0n1"]])
        #expect(facts.nvmeControllers.first?.controllerId == 4)
        #expect(facts.scsiDevices.map(\.address) == ["0:0:0:0", "0:0:32:0"])
        #expect(facts.scsiDevices.last?.typeName == "enclosure")
        #expect(facts.scsiDevices.last?.genericDevice == "sg1")
        #expect(facts.scsiHosts.map(\.procName) == ["ahci"])
        #expect(facts.scsiHosts.first?.transport == "sata")
    }

    /// lsscsi 0.31 run on the same tree with `--sysfsroot` and `-k` (kernel names; the tree has no /dev),
    /// with and without `--size`: the lines must be identical.
    @Test func lsscsiLines_matchLsscsiOnTheSameTree() throws {
        let tree = try StorageFixture.sataTree()
        try StorageFixture.withNVMe(tree)
        let files = HostFiles(root: HostRoot(under: tree.path))
        var reader = StorageReader(files: files)
        reader.readPartitionTables = false
        let facts = reader.read().facts
        for size in [0, 1, 2] {
            let flags = ["-k"] + Array(repeating: "-s", count: size)
            let oracle = try ExternalTool.run("lsscsi", flags + ["--sysfsroot=\(tree.path)/sys"])
            #expect(oracle.status == 0, "lsscsi: \(oracle.stderr)")
            let ours = LsscsiRenderer.render(facts, options: .init(size: size, kernelNames: true), nodeExists: { _ in false })
            #expect(ours == oracle.stdout, "lsscsi \(flags.joined(separator: " "))")
        }
    }

    @Test func sizeStrings_matchLsscsi() {
        #expect(LsscsiRenderer.sizeString(500_107_862_016, binary: false) == "500GB")
        #expect(LsscsiRenderer.sizeString(1_000_204_886_016, binary: false) == "1.00TB")
        #expect(LsscsiRenderer.sizeString(3_200_631_791_616, binary: false) == "3.20TB")
        #expect(LsscsiRenderer.sizeString(3_200_631_791_616, binary: true) == "2.91TiB")
        #expect(LsscsiRenderer.sizeString(512, binary: false) == "512B")
    }

    @Test func partitionTable_isReadFromTheDeviceNodeUnderDev() throws {
        let tree = try StorageFixture.sataTree()
        // A GPT image as /dev/sda: sfdisk writes it, the reader finds it through the dev root.
        let image = tree.path + "/dev/sda"
        try FileManager.default.createDirectory(atPath: tree.path + "/dev", withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: image, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: image))
        try handle.truncate(atOffset: 8 << 20)
        try handle.close()
        let script = "label: gpt\nlabel-id: 0C2A8B52-5E6F-4B53-9C4D-1E2F3A4B5C6D\nstart=2048, size=8192, type=C12A7328-F81F-11D2-BA4B-00A0C93EC93B, name=\"EFI\"\n"
        let written = try ExternalTool.run("sfdisk", ["-q", image], input: script)
        #expect(written.status == 0, "sfdisk: \(written.stderr)")
        let result = StorageReader(files: HostFiles(root: HostRoot(under: tree.path))).read()
        let sda = try #require(result.facts.blockDevices.first { $0.name == "sda" })
        #expect(sda.partitionTableType == "gpt")
        #expect(sda.partitionTableId == "0C2A8B52-5E6F-4B53-9C4D-1E2F3A4B5C6D")
        #expect(sda.partitions.first?.typeName == "EFI System")
        #expect(sda.partitions.first?.label == "EFI")
    }

    @Test func missingDeviceNodes_areOneDiagnostic_notOnePerDisk() throws {
        let tree = try StorageFixture.sataTree()
        try StorageFixture.withNVMe(tree)
        let result = StorageReader(files: HostFiles(root: HostRoot(under: tree.path))).read()
        let messages = result.diagnostics.map(\.error)
        #expect(messages.contains {
            $0.hasPrefix("no such file or directory reading the partition table of \(tree.path)/dev/nvme0n1, \(tree.path)/dev/sda;")
        })
        #expect(result.facts.blockDevices.count == 2)
    }
}
