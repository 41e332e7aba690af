/// One SCSI device (`SYS/class/scsi_device`): disks and optical drives, but also enclosures and other
/// devices without a block device, as lsscsi lists them.
public struct SCSIDevice: Sendable, Equatable, Codable {
    /// `host:channel:target:lun`
    public var address: String
    /// Peripheral device type (SPC-5 table 9): 0 disk, 1 tape, 5 cd/dvd, 13 enclosure, ...
    public var type: Int?
    public var typeName: String?
    public var vendor: String?
    public var model: String?
    public var revision: String?
    /// Its block device (`sda`) and SCSI generic device (`sg0`), when it has them.
    public var blockDevice: String?
    public var genericDevice: String?
    public var state: String?

    public init(address: String) {
        self.address = address
    }

    /// SPC peripheral device type names, as lsscsi spells them in full.
    public static func typeName(_ type: Int) -> String? {
        let names = [
            0: "disk", 1: "tape", 2: "printer", 3: "processor", 4: "worm", 5: "cd/dvd", 6: "scanner", 7: "optical",
            8: "medium changer", 9: "communications", 12: "storage array", 13: "enclosure", 14: "simplified disk",
            15: "optical card reader", 17: "object storage", 18: "automation/drive interface", 19: "security manager",
            20: "zoned block", 30: "well known lu",
        ]
        return names[type]
    }
}
