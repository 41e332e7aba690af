import Testing
@testable import Facts

/// udev database files (`/run/udev/data/...`) and how the storage reader uses them.
@Suite struct UdevDeviceRecordTests {
    /// The shape systemd-udevd 252 writes for a SATA disk (`b8:0`): S: links, E: properties, bookkeeping.
    static let sataDisk = """
        S:disk/by-id/ata-Samsung_SSD_860_EVO_500GB_S3Z2NB0K123456X
        S:disk/by-id/wwn-0x5002538e40a1b2c3
        S:disk/by-path/pci-0000:00:1f.2-ata-1
        S:disk/by-diskseq/1
        W:5
        I:1702040185
        E:ID_ATA=1
        E:ID_TYPE=disk
        E:ID_BUS=ata
        E:ID_MODEL=Samsung_SSD_860_EVO_500GB
        E:ID_MODEL_ENC=Samsung\\x20SSD\\x20860\\x20EVO\\x20500GB\\x20\\x20\\x20\\x20
        E:ID_REVISION=RVT02B6Q
        E:ID_SERIAL=Samsung_SSD_860_EVO_500GB_S3Z2NB0K123456X
        E:ID_SERIAL_SHORT=S3Z2NB0K123456X
        E:ID_WWN=0x5002538e40a1b2c3
        E:ID_WWN_WITH_EXTENSION=0x5002538e40a1b2c3
        E:ID_PART_TABLE_TYPE=gpt
        E:ID_PATH=pci-0000:00:1f.2-ata-1
        G:systemd
        Q:systemd
        V:1

        """

    @Test func parsesPropertiesAndLinks_andSkipsBookkeeping() {
        let record = UdevDeviceRecord(parsing: Self.sataDisk)
        #expect(record["ID_SERIAL_SHORT"] == "S3Z2NB0K123456X")
        #expect(record["ID_WWN_WITH_EXTENSION"] == "0x5002538e40a1b2c3")
        #expect(record.links.count == 4)
        #expect(record.links[0] == "disk/by-id/ata-Samsung_SSD_860_EVO_500GB_S3Z2NB0K123456X")
        #expect(record.properties.count == 12)
        #expect(record["W"] == nil)
        #expect(StorageReader.decodeUdevEscapes(record["ID_MODEL_ENC"]!).trimmed() == "Samsung SSD 860 EVO 500GB")
    }

    @Test func malformedLines_areIgnored() {
        let record = UdevDeviceRecord(parsing: "E:NOEQUALS\nX\n:E=1\nE:A=b=c\nS:\n")
        #expect(record.properties == ["A": "b=c"])
        #expect(record.links == [""])
    }

    /// A SATA disk in a made-up sysfs tree with and without the udev file: udev's serial, WWN and links
    /// win, and without the database the reader says so once.
    @Test func storageReader_takesSerialWWNAndLinksFromUdev_whenTheDatabaseExists() throws {
        let tree = try StorageFixture.sataTree()
        var reader = StorageReader(files: HostFiles(root: HostRoot(under: tree.path)))
        reader.readPartitionTables = false
        let without = reader.read()
        let diskWithout = try #require(without.facts.blockDevices.first { $0.name == "sda" })
        #expect(diskWithout.serial == nil)
        #expect(diskWithout.wwn == "0x5002538e40a1b2c3", "sysfs wwid naa. is shown as lsblk does")
        #expect(without.facts.propertiesSource == "sysfs")
        #expect(without.diagnostics.map(\.error) == ["no udev database; serials, WWNs and by-id links come from sysfs alone"])

        try tree.write("run/udev/data/b8:0", Array(Self.sataDisk.utf8))
        try tree.write("run/udev/data/b8:1", Array("S:disk/by-partuuid/0c2a8b52-01\n".utf8))
        let with = reader.read()
        let disk = try #require(with.facts.blockDevices.first { $0.name == "sda" })
        #expect(with.facts.propertiesSource == "udev")
        #expect(disk.serial == "S3Z2NB0K123456X")
        #expect(disk.links?.contains("disk/by-id/wwn-0x5002538e40a1b2c3") == true)
        #expect(disk.partitions.first?.links == ["disk/by-partuuid/0c2a8b52-01"])
        #expect(with.diagnostics.isEmpty)
    }
}
