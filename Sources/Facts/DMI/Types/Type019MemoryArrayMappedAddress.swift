/// SMBIOS 7.20 Memory Array Mapped Address (type 19): a range of physical addresses a memory array serves.
public struct MemoryArrayMappedAddress: Sendable, Equatable, Codable {
    public var handle: UInt16
    /// Address of the first byte of the range.
    public var startingAddress: UInt64
    /// Address of the last byte of the range.
    public var endingAddress: UInt64
    /// nil when the firmware's range is invalid (empty).
    public var rangeSizeBytes: UInt64?
    /// The Physical Memory Array (type 16) mapped here.
    public var physicalArrayHandle: UInt16
    /// How many memory devices form one row of the partition.
    public var partitionWidth: Int

    public init?(_ s: SMBIOSStructure, _ context: DMIContext) {
        guard s.type == 19, s.length >= 0x0F else { return nil }
        handle = s.handle
        let range = MappedAddressRange(s, extendedAt: 0x0F)
        startingAddress = range.startingAddress
        endingAddress = range.endingAddress
        rangeSizeBytes = range.sizeBytes
        physicalArrayHandle = s.word(0x0C)!
        partitionWidth = Int(s.byte(0x0E)!)
    }
}

/// The address range of a type 19 or 20 structure: kB addresses at 0x04 and 0x08, or, when the first
/// reads 0xFFFFFFFF and the structure is long enough (2.7), byte addresses in two extended qwords.
enum MappedAddressRange: Equatable {
    case kilobytes(start: UInt32, end: UInt32)
    case bytes(start: UInt64, end: UInt64)

    /// The caller has checked that the structure holds the kB addresses.
    init(_ s: SMBIOSStructure, extendedAt offset: Int) {
        let start = s.dword(0x04)!
        if start == 0xFFFF_FFFF, s.length >= offset + 16 {
            self = .bytes(start: s.qword(offset)!, end: s.qword(offset + 8)!)
        } else {
            self = .kilobytes(start: start, end: s.dword(0x08)!)
        }
    }

    var startingAddress: UInt64 {
        switch self {
        case .kilobytes(let start, _): return UInt64(start) << 10
        case .bytes(let start, _): return start
        }
    }

    var endingAddress: UInt64 {
        switch self {
        case .kilobytes(_, let end): return UInt64(end) << 10 | 0x3FF
        case .bytes(_, let end): return end
        }
    }

    /// The range's size (modulo the field width, as the firmware's arithmetic wraps); nil when invalid.
    var sizeBytes: UInt64? {
        switch self {
        case .kilobytes(let start, let end):
            let kB = end &- start &+ 1
            return kB == 0 ? nil : UInt64(kB) << 10
        case .bytes(let start, let end):
            return start == end ? nil : end &- start &+ 1
        }
    }

    func decode(into out: inout DMILines) {
        switch self {
        case .kilobytes(let start, let end):
            out.attr("Starting Address", "0x\(hex(start >> 2, width: 8))\(hex((start & 0x3) << 10, width: 3))")
            out.attr("Ending Address", "0x\(hex(end >> 2, width: 8))\(hex((end & 0x3) << 10 + 0x3FF, width: 3))")
        case .bytes(let start, let end):
            // dmidecode 3.4 shows these byte addresses with a "k" suffix.
            out.attr("Starting Address", "0x\(hex(start, width: 16))k")
            out.attr("Ending Address", "0x\(hex(end, width: 16))k")
        }
        out.attr("Range Size", sizeBytes.map { DMIFormat.memorySize($0) } ?? "Invalid")
    }
}

enum MemoryArrayMappedAddressDecoder: DMIStructureDecoder {
    static let type: UInt8 = 19

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("Memory Array Mapped Address")
        guard s.length >= 0x0F else { return }
        MappedAddressRange(s, extendedAt: 0x0F).decode(into: &out)
        out.attr("Physical Array Handle", "0x\(hex(s.word(0x0C)!, width: 4))")
        out.attr("Partition Width", "\(s.byte(0x0E)!)")
    }
}
