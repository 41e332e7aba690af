/// One partition of a block device: the kernel's view (`SYS/block/sda/sda1`) with the partition table's
/// entry for the same number when the table was readable.
public struct Partition: Sendable, Equatable, Codable {
    public var name: String
    public var devicePath: String
    public var number: Int
    public var majorMinor: String?
    public var startBytes: UInt64?
    public var sizeBytes: UInt64?
    public var readOnly: Bool?
    /// GPT: the type GUID (upper-case); MBR: the type byte (`83`).
    public var typeId: String?
    public var typeName: String?
    /// GPT: the partition GUID; MBR: `SIGNATURE-NN` as blkid makes it.
    public var uuid: String?
    /// GPT partition name.
    public var label: String?
    /// MBR active flag.
    public var bootable: Bool?
    public var links: [String]?

    public init(name: String, number: Int) {
        self.name = name
        self.devicePath = "/dev/" + name
        self.number = number
    }
}
