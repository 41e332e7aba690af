/// One block device as util-linux lsblk sees it: the sysfs attributes and udev properties it prints,
/// kept as lsblk reads them (raw sysfs text, SCSI strings with their space padding), which is not always
/// what the `storage` facts hold (trimmed strings, serials from VPD pages and `block/NAME/serial`).
public struct LsblkDevice: Sendable, Equatable {
    /// Kernel name as sysfs spells it (`sda`, `cciss!c0d0`).
    public var name: String
    public var major: UInt32
    public var minor: UInt32
    public var sizeBytes: UInt64
    /// `removable` and `ro` as numbers; a partition without its own `removable` has its disk's.
    public var removable: Int?
    public var readOnly: Int?
    /// `queue/rotational`, `queue/logical_block_size`, `queue/physical_block_size` as text (a partition
    /// has no queue directory: lsblk reads its disk's).
    public var rotational: String?
    public var logicalSectorSize: String?
    public var physicalSectorSize: String?
    /// Partition start in 512-byte sectors (`start`), as text.
    public var start: String?
    /// `device/model`, `device/serial`, `device/vendor`, `device/rev`: raw text.
    public var model: String?
    public var serial: String?
    public var vendor: String?
    public var revision: String?
    /// `device/type` (SCSI peripheral device type).
    public var scsiType: Int?
    /// `dm/name`, `dm/uuid` (device-mapper) and `md/level` (md RAID).
    public var dmName: String?
    public var dmUUID: String?
    public var mdLevel: String?
    /// `host:channel:target:lun` from the `device` link.
    public var hctl: String?
    /// lsblk's TRAN: spi, fc, fcoe, sas, sbp, iscsi, usb, sata, ata or nvme.
    public var transport: String?
    /// Serial, model and WWN from udev's database, already chosen as lsblk chooses them; nil without a record.
    public var udevSerial: String?
    public var udevModel: String?
    public var udevWWN: String?
    /// Every mount of the device, the newest first (`[SWAP]` for an active swap area), and the one lsblk
    /// calls the mount point.
    public var mountpoints: [String]
    public var mountpoint: String?
    /// `loop/backing_file` exists (an empty loop device without one is left out).
    public var hasBackingFile: Bool
    /// Partitions (`sda1`), with the same fields.
    public var partitions: [LsblkDevice]
    /// Kernel names of the whole devices stacked on this one (`holders/`), and how many it stacks on (`slaves/`).
    public var holders: [String]
    public var slaveCount: Int
    /// Set for partitions: the whole disk's kernel name.
    public var wholeDisk: String?

    public init(name: String, major: UInt32, minor: UInt32) {
        self.name = name
        self.major = major
        self.minor = minor
        self.sizeBytes = 0
        self.mountpoints = []
        self.hasBackingFile = false
        self.partitions = []
        self.holders = []
        self.slaveCount = 0
    }

    public var isPartition: Bool { wholeDisk != nil }

    /// glibc's `makedev`: lsblk sorts by this number, in which a minor of 256 or more sorts after higher majors.
    public var deviceNumber: UInt64 {
        let major = UInt64(self.major), minor = UInt64(self.minor)
        return (major & 0xFFFF_F000) << 32 | (major & 0xFFF) << 8 | (minor & 0xFFFF_FF00) << 12 | (minor & 0xFF)
    }
}
