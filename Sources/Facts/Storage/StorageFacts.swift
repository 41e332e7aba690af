/// The `storage` section: block devices (disks with their partitions, optical drives, device-mapper, md,
/// loop and zram devices) from `SYS/block`, NVMe controllers from `SYS/class/nvme`, SCSI devices and hosts
/// from `SYS/class/scsi_device` and `SYS/class/scsi_host`.
public struct StorageFacts: Sendable, Equatable, Codable {
    /// Whether serials, WWNs and links came from udev's database (`udev`) or from sysfs alone (`sysfs`).
    public var propertiesSource: String
    public var blockDevices: [BlockDevice]
    public var nvmeControllers: [NVMeController]
    public var scsiDevices: [SCSIDevice]
    public var scsiHosts: [SCSIHost]

    public init(
        propertiesSource: String, blockDevices: [BlockDevice], nvmeControllers: [NVMeController],
        scsiDevices: [SCSIDevice], scsiHosts: [SCSIHost]
    ) {
        self.propertiesSource = propertiesSource
        self.blockDevices = blockDevices
        self.nvmeControllers = nvmeControllers
        self.scsiDevices = scsiDevices
        self.scsiHosts = scsiHosts
    }
}
