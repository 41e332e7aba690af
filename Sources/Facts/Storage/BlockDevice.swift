/// One entry of `SYS/block`: a whole device (partitions are listed inside it).
public struct BlockDevice: Sendable, Equatable, Codable {
    /// Kernel name: `sda`, `nvme0n1`, `vda`, `dm-0`.
    public var name: String
    /// `/dev/sda`
    public var devicePath: String
    /// `disk` (zram included, as lsblk has it), `rom` (SCSI type 5), `loop`, `dm`, `md`.
    public var type: String
    /// `MAJOR:MINOR`
    public var majorMinor: String?
    public var sizeBytes: UInt64?
    public var logicalSectorSize: Int?
    public var physicalSectorSize: Int?
    public var rotational: Bool?
    public var removable: Bool?
    public var readOnly: Bool?
    public var vendor: String?
    public var model: String?
    public var serial: String?
    /// As lsblk prints it: `0x5000c500a1b2c3d4` for NAA ids, `eui.0025388b91b2c3d4` for NVMe.
    public var wwn: String?
    public var firmwareRevision: String?
    /// `sata`, `ata`, `sas`, `fc`, `iscsi`, `spi`, `usb`, `nvme`, `virtio`, `mmc`, `xen`; absent for virtual
    /// devices.
    public var transport: String?
    /// The PCI function of the controller it hangs off.
    public var controllerAddress: String?
    /// `nvme0` and the namespace id, for NVMe namespaces.
    public var nvmeController: String?
    public var nvmeNamespaceId: Int?
    /// `host:channel:target:lun`, for SCSI (and SATA, SAS, USB storage) devices.
    public var scsiAddress: String?
    /// Links under /dev that udev made (`disk/by-id/...`, `disk/by-path/...`).
    public var links: [String]?
    /// `gpt` or `dos` when the start of the device was readable and held a table.
    public var partitionTableType: String?
    /// GPT disk GUID or MBR disk signature (`0x1234abcd`).
    public var partitionTableId: String?
    public var partitions: [Partition]

    public init(name: String, type: String) {
        self.name = name
        self.devicePath = "/dev/" + name
        self.type = type
        self.partitions = []
    }
}
