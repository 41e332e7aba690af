/// A classic libpcap capture file (not pcapng) read from bytes: both byte orders, microsecond and
/// nanosecond timestamps. Pure; used to decode captures offline (`mkagent lldp --pcap`) and in tests.
public struct PcapFile: Sendable {
    public struct Record: Sendable, Equatable {
        /// Seconds and nanoseconds since the epoch.
        public var seconds: UInt32
        public var nanoseconds: UInt32
        /// Bytes on the wire; larger than `data.count` when the capture's snapshot length cut the frame.
        public var originalLength: Int
        public var data: [UInt8]
    }

    public var linkType: UInt32
    public var snapshotLength: UInt32
    public var records: [Record]
    /// Set when the file ends inside a record; the records before it are kept.
    public var problem: String?

    public enum FormatError: Error, Equatable, CustomStringConvertible {
        case tooShort
        case badMagic(UInt32)

        public var description: String {
            switch self {
            case .tooShort: return "shorter than a pcap file header (24 bytes)"
            case .badMagic(let magic): return "not a classic pcap file (magic 0x\(String(magic, radix: 16)))"
            }
        }
    }

    public init(_ bytes: [UInt8]) throws(FormatError) {
        guard bytes.count >= 24 else { throw .tooShort }
        let littleMagic = Self.u32(bytes, 0, littleEndian: true)
        let littleEndian: Bool
        let nanosecond: Bool
        switch littleMagic {
        case 0xA1B2C3D4: (littleEndian, nanosecond) = (true, false)
        case 0xA1B23C4D: (littleEndian, nanosecond) = (true, true)
        case 0xD4C3B2A1: (littleEndian, nanosecond) = (false, false)
        case 0x4D3CB2A1: (littleEndian, nanosecond) = (false, true)
        default: throw .badMagic(littleMagic)
        }
        snapshotLength = Self.u32(bytes, 16, littleEndian: littleEndian)
        linkType = Self.u32(bytes, 20, littleEndian: littleEndian) & 0x0FFF_FFFF
        records = []
        var offset = 24
        while offset < bytes.count {
            guard offset + 16 <= bytes.count else {
                problem = "record header at offset \(offset) is cut short"
                break
            }
            let seconds = Self.u32(bytes, offset, littleEndian: littleEndian)
            let fraction = Self.u32(bytes, offset + 4, littleEndian: littleEndian)
            let captured = Int(Self.u32(bytes, offset + 8, littleEndian: littleEndian))
            let original = Int(Self.u32(bytes, offset + 12, littleEndian: littleEndian))
            guard captured <= bytes.count - offset - 16 else {
                problem = "record at offset \(offset) declares \(captured) bytes but only \(bytes.count - offset - 16) remain"
                break
            }
            records.append(Record(
                seconds: seconds, nanoseconds: nanosecond ? fraction : fraction &* 1000, originalLength: original,
                data: Array(bytes[(offset + 16)..<(offset + 16 + captured)])))
            offset += 16 + captured
        }
    }

    private static func u32(_ bytes: [UInt8], _ offset: Int, littleEndian: Bool) -> UInt32 {
        let b = bytes[offset..<(offset + 4)].map(UInt32.init)
        return littleEndian ? b[0] | b[1] << 8 | b[2] << 16 | b[3] << 24 : b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]
    }
}
