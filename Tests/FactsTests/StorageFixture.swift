import Foundation
@testable import Facts

/// Made-up sysfs trees laid out as the kernel lays them out (6.1): an AHCI port with a SATA disk and a
/// partition, an enclosure without a block device, and an NVMe controller with one namespace. Attribute
/// values are those of real devices of these kinds.
enum StorageFixture {
    static let ahci = "devices/pci0000:00/0000:00:1f.2"
    static let sataDevice = ahci + "/ata1/host0/target0:0:0/0:0:0:0"
    static let enclosure = ahci + "/ata1/host0/target0:0:32/0:0:32:0"
    static let nvme = "devices/pci0000:00/0000:00:1d.0/0000:3d:00.0/nvme/nvme0"

    static func sataTree() throws -> TemporaryTree {
        let tree = try TemporaryTree()
        try addPCIFunction(tree, ahci, vendor: "0x8086", device: "0xa102", classCode: "0x010601", driver: "ahci")
        try tree.write("sys/\(ahci)/ata1/host0/scsi_host/host0/proc_name", "ahci")
        try tree.link("sys/class/scsi_host/host0", to: "../../\(ahci)/ata1/host0/scsi_host/host0")
        try tree.link("sys/bus/scsi/devices/host0", to: "../../../\(ahci)/ata1/host0")
        try addSCSIDevice(tree, sataDevice, address: "0:0:0:0", type: 0, vendor: "ATA     ", model: "Samsung SSD 860 ",
                          rev: "4B6Q", block: "sda", generic: "sg0")
        try tree.write("sys/\(sataDevice)/wwid", "naa.5002538e40a1b2c3")
        let sda = "sys/\(sataDevice)/block/sda"
        try writeBlock(tree, sda, dev: "8:0", sectors: 976_773_168, logical: 512, physical: 512, rotational: 0)
        try tree.write("\(sda)/sda1/partition", "1")
        try tree.write("\(sda)/sda1/start", "2048")
        try tree.write("\(sda)/sda1/size", "1048576")
        try tree.write("\(sda)/sda1/dev", "8:1")
        try tree.write("\(sda)/sda1/ro", "0")
        try tree.link("\(sda)/device", to: "../../../0:0:0:0")
        try tree.link("sys/block/sda", to: "../\(sataDevice)/block/sda")
        try addSCSIDevice(tree, enclosure, address: "0:0:32:0", type: 13, vendor: "DP      ", model: "BP13G+          ",
                          rev: "2.25", block: nil, generic: "sg1")
        return tree
    }

    static func withNVMe(_ tree: TemporaryTree) throws {
        try addPCIFunction(tree, "devices/pci0000:00/0000:00:1d.0/0000:3d:00.0", vendor: "0x144d", device: "0xa808",
                           classCode: "0x010802", driver: "nvme")
        try tree.write("sys/\(nvme)/model", "Samsung SSD 970 EVO Plus 1TB            ")
        try tree.write("sys/\(nvme)/serial", "S4EWNX0R123456A     ")
        try tree.write("sys/\(nvme)/firmware_rev", "2B2QEXM7")
        try tree.write("sys/\(nvme)/transport", "pcie")
        try tree.write("sys/\(nvme)/cntlid", "4")
        try tree.write("sys/\(nvme)/state", "live")
        try tree.write("sys/\(nvme)/address", "0000:3d:00.0")
        try tree.write("sys/\(nvme)/subsysnqn", "nqn.2014.08.org.nvmexpress:144d144dS4EWNX0R123456ASamsung SSD 970 EVO Plus 1TB")
        try tree.link("sys/class/nvme/nvme0", to: "../../\(nvme)")
        let ns = "sys/\(nvme)/nvme0n1"
        try writeBlock(tree, ns, dev: "259:0", sectors: 1_953_525_168, logical: 512, physical: 512, rotational: 0)
        try tree.write("\(ns)/nsid", "1")
        try tree.write("\(ns)/wwid", "eui.0025385b91b2c3d4")
        try tree.link("\(ns)/device", to: "../../nvme0")
        try tree.link("sys/block/nvme0n1", to: "../\(nvme)/nvme0n1")
    }

    static func addPCIFunction(_ tree: TemporaryTree, _ path: String, vendor: String, device: String, classCode: String, driver: String) throws {
        try tree.write("sys/\(path)/vendor", vendor)
        try tree.write("sys/\(path)/device", device)
        try tree.write("sys/\(path)/class", classCode)
        try tree.write("sys/\(path)/revision", "0x00")
        try tree.write("sys/bus/pci/drivers/\(driver)/bind", "")
        let depth = path.split(separator: "/").count
        try tree.link("sys/\(path)/driver", to: String(repeating: "../", count: depth) + "bus/pci/drivers/\(driver)")
        try tree.link("sys/bus/pci/devices/\((path as NSString).lastPathComponent)", to: "../../../\(path)")
    }

    static func addSCSIDevice(
        _ tree: TemporaryTree, _ path: String, address: String, type: Int, vendor: String, model: String, rev: String,
        block: String?, generic: String
    ) throws {
        _ = block  // the block device is written by the caller under DEVICE/block/NAME
        try tree.write("sys/\(path)/type", String(type))
        try tree.write("sys/\(path)/vendor", vendor)
        try tree.write("sys/\(path)/model", model)
        try tree.write("sys/\(path)/rev", rev)
        try tree.write("sys/\(path)/state", "running")
        try tree.write("sys/\(path)/scsi_generic/\(generic)/dev", "21:\(generic.dropFirst(2))")
        try tree.link("sys/\(path)/scsi_device/\(address)/device", to: "../../../\(address)")
        try tree.link("sys/class/scsi_device/\(address)", to: "../../\(path)/scsi_device/\(address)")
        try tree.link("sys/bus/scsi/devices/\(address)", to: "../../../\(path)")
    }

    static func writeBlock(
        _ tree: TemporaryTree, _ path: String, dev: String, sectors: UInt64, logical: Int, physical: Int, rotational: Int
    ) throws {
        try tree.write("\(path)/dev", dev)
        try tree.write("\(path)/size", String(sectors))
        try tree.write("\(path)/ro", "0")
        try tree.write("\(path)/removable", "0")
        try tree.write("\(path)/queue/logical_block_size", String(logical))
        try tree.write("\(path)/queue/physical_block_size", String(physical))
        try tree.write("\(path)/queue/rotational", String(rotational))
    }
}
