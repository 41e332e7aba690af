/// Pure rules that tell how a block device is attached, from its resolved sysfs path (`devices/pci0000:00/
/// 0000:00:1f.2/ata1/host0/target0:0:0/0:0:0:0/block/sda`), in the order lsblk applies them.
public enum BlockTransport {
    /// `hostClasses`: the `SYS/class/*_host` classes that list this device's SCSI host (`sas`, `fc`,
    /// `iscsi`, `spi`); `procName`: the host's `proc_name` (`ahci`, `ata_piix`, `sata_nv`).
    public static func transport(name: String, devicePath: String, hostClasses: Set<String>, procName: String?) -> String? {
        let parts = devicePath.split(separator: "/")
        if name.hasPrefix("nvme") || parts.contains("nvme") { return "nvme" }
        if name.hasPrefix("mmcblk") || parts.contains(where: { $0.hasPrefix("mmc_host") || $0.hasPrefix("mmc") && $0.contains(":") }) {
            return "mmc"
        }
        if scsiHost(devicePath) != nil {
            for kind in ["spi", "fc", "sas", "iscsi"] where hostClasses.contains(kind) { return kind }
            if parts.contains(where: { $0.hasPrefix("usb") }) { return "usb" }
            if let procName {
                if procName.hasPrefix("ahci") || procName.hasPrefix("sata") { return "sata" }
                if procName.contains("ata") { return "ata" }
            }
            if parts.contains(where: { $0.hasPrefix("ata") && Int($0.dropFirst(3)) != nil }) { return "sata" }
            if parts.contains(where: { $0.hasPrefix("virtio") }) { return "virtio" }
            return nil
        }
        if parts.contains(where: { $0.hasPrefix("virtio") }) { return "virtio" }
        if name.hasPrefix("xvd") || parts.contains(where: { $0.hasPrefix("vbd-") }) { return "xen" }
        if parts.contains(where: { $0.hasPrefix("usb") }) { return "usb" }
        return nil
    }

    /// `host0` → 0, from the path of a SCSI block device.
    public static func scsiHost(_ devicePath: String) -> Int? {
        for part in devicePath.split(separator: "/").reversed() where part.hasPrefix("host") {
            if let number = Int(part.dropFirst(4)) { return number }
        }
        return nil
    }

    /// The `h:c:t:l` directory a SCSI block device hangs off.
    public static func scsiAddress(_ devicePath: String) -> SCSIAddress? {
        for part in devicePath.split(separator: "/").reversed() {
            if let address = SCSIAddress(part) { return address }
        }
        return nil
    }

    /// The nearest PCI function above the device.
    public static func pciAddress(_ devicePath: String) -> PCIAddress? {
        for part in devicePath.split(separator: "/").reversed() {
            if let address = PCIAddress(part), part.count == 12 { return address }
        }
        return nil
    }

    /// lsblk's TYPE for the kinds of device mkagent tells apart by name.
    public static func type(name: String, scsiType: Int?) -> String {
        if scsiType == 5 || name.hasPrefix("sr") { return "rom" }
        if name.hasPrefix("loop") { return "loop" }
        if name.hasPrefix("dm-") { return "dm" }
        if name.hasPrefix("md") { return "md" }
        return "disk"
    }
}
