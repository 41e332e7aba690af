/// A partition table read from the start of a device: GPT (UEFI 2.10 section 5.3) or MBR/DOS with its
/// extended-partition chain.
public struct PartitionTable: Sendable, Equatable, Codable {
    /// `gpt` or `dos` (sfdisk's labels).
    public var type: String
    /// GPT disk GUID; MBR disk signature as `0x1234abcd`.
    public var id: String?
    /// The sector size the table was read with.
    public var sectorSize: Int
    public var entries: [Entry]

    public struct Entry: Sendable, Equatable, Codable {
        /// 1-based; MBR logical partitions are numbered from 5, as the kernel does.
        public var number: Int
        /// In sectors of `sectorSize`.
        public var start: UInt64
        public var size: UInt64
        public var typeId: String
        public var typeName: String?
        public var uuid: String?
        public var label: String?
        public var bootable: Bool?
        /// GPT attribute bits.
        public var attributes: UInt64?

        public init(number: Int, start: UInt64, size: UInt64, typeId: String) {
            self.number = number
            self.start = start
            self.size = size
            self.typeId = typeId
        }
    }

    public init(type: String, id: String?, sectorSize: Int, entries: [Entry]) {
        self.type = type
        self.id = id
        self.sectorSize = sectorSize
        self.entries = entries
    }
}
