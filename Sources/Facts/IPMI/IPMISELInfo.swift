/// Get SEL Info and Get SEL Allocation Info (Storage netfn, cmds 0x40/0x41; IPMI 2.0 sections 31.2-31.3):
/// what `ipmitool sel info` shows.
public struct IPMISELInfo: Sendable, Equatable, Codable {
    /// BCD as sent: 0x51 is version 1.5.
    public var versionByte: UInt8
    public var version: String
    public var entries: Int
    public var freeSpaceBytes: Int
    /// Seconds since 1970 (the SEL's clock), nil when the BMC says "unspecified" (0 or 0xffffffff).
    public var lastAddTime: UInt32?
    public var lastEraseTime: UInt32?
    public var overflow: Bool
    /// Delete, Partial Add, Reserve, Get Alloc Info, in ipmitool's order.
    public var supportedCommands: [String]
    public var allocation: Allocation?

    public struct Allocation: Sendable, Equatable, Codable {
        public var units: Int
        public var unitSizeBytes: Int
        public var freeUnits: Int
        public var largestFreeBlock: Int
        public var maxRecordSize: Int
    }

    public static let request = IPMIRequest(netFn: IPMIRequest.netFnStorage, command: 0x40)
    public static let allocationRequest = IPMIRequest(netFn: IPMIRequest.netFnStorage, command: 0x41)

    public init(response data: [UInt8]) throws(IPMIError) {
        guard data.count >= 14 else {
            throw .malformed(what: "Get SEL Info", detail: "response has \(data.count) data bytes, 14 expected")
        }
        versionByte = data[0]
        version = "\(data[0] & 0x0F).\(data[0] >> 4)"
        entries = Int(data[1]) | Int(data[2]) << 8
        freeSpaceBytes = Int(data[3]) | Int(data[4]) << 8
        func time(_ at: Int) -> UInt32? {
            let value = UInt32(data[at]) | UInt32(data[at + 1]) << 8 | UInt32(data[at + 2]) << 16 | UInt32(data[at + 3]) << 24
            return value == 0 || value == 0xFFFF_FFFF ? nil : value
        }
        lastAddTime = time(5)
        lastEraseTime = time(9)
        overflow = data[13] & 0x80 != 0
        supportedCommands = [(0x08, "Delete"), (0x04, "Partial Add"), (0x02, "Reserve"), (0x01, "Get Alloc Info")]
            .filter { data[13] & $0.0 != 0 }.map(\.1)
    }

    public mutating func applyAllocation(response data: [UInt8]) throws(IPMIError) {
        guard data.count >= 9 else {
            throw .malformed(what: "Get SEL Allocation Info", detail: "response has \(data.count) data bytes, 9 expected")
        }
        func word(_ at: Int) -> Int { Int(data[at]) | Int(data[at + 1]) << 8 }
        allocation = Allocation(units: word(0), unitSizeBytes: word(2), freeUnits: word(4), largestFreeBlock: word(6),
                                maxRecordSize: Int(data[8]))
    }

    /// Entries times 16 bytes over that plus the free space, as ipmitool computes it.
    public var percentUsed: Int? {
        let used = entries * 16
        let total = freeSpaceBytes + used
        if total >= 65535 { return nil }
        return used == 0 ? 0 : Int(100 * Double(used) / Double(total))
    }
}
