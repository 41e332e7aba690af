/// The SMBIOS entry point: which table format the firmware publishes, its version and where the table is.
///
/// Three anchors exist (SMBIOS 3.x, 5.2): the 64-bit `_SM3_` entry point, the 32-bit `_SM_` entry point
/// with its embedded `_DMI_` intermediate anchor, and the bare legacy `_DMI_` (DMI 2.0) entry point.
public struct SMBIOSEntryPoint: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case smbios3 = "_SM3_"
        case smbios2 = "_SM_"
        case legacy = "_DMI_"
    }

    public var kind: Kind
    public var major: UInt8
    public var minor: UInt8
    /// SMBIOS 3.x docrev; 0 for 2.x.
    public var docrev: UInt8
    /// Physical address of the structure table (in a `--dump-bin` file: its offset in the file).
    public var tableAddress: UInt64
    /// Exact table length for 2.x, maximum table size for 3.x.
    public var tableLength: UInt32
    /// Number of structures (2.x only); nil for 3.x, which stops at the end-of-table structure.
    public var structureCount: UInt16?
    /// The version as dmidecode's decoders compare it: `major << 8 | minor`, with known firmware mistakes fixed.
    public var version: UInt16
    /// Notes about the entry point itself (a bad checksum, a fixed-up version), for diagnostics.
    public var notes: [String]

    public var versionString: String {
        kind == .smbios3 ? "\(major).\(minor).\(docrev)" : "\(version >> 8).\(version & 0xFF)"
    }

    public enum ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        case tooShort(length: Int, needed: Int)
        case unknownAnchor(prefix: [UInt8])
        case badChecksum(anchor: String)

        public var description: String {
            switch self {
            case .tooShort(let length, let needed):
                return "entry point truncated: \(length) bytes, needs \(needed)"
            case .unknownAnchor(let prefix):
                return "no SMBIOS anchor (_SM3_, _SM_ or _DMI_) at the start of the entry point (found \(prefix.hexString))"
            case .badChecksum(let anchor):
                return "\(anchor) entry point checksum is wrong"
            }
        }
    }

    /// Parses an entry point. With `requireChecksum` false, a checksum mismatch is recorded in `notes`
    /// rather than rejected (the kernel already found the table; the bytes after it can still be decoded).
    public static func parse(_ bytes: [UInt8], requireChecksum: Bool = true) throws(ParseError) -> SMBIOSEntryPoint {
        let b = ByteReader(bytes)
        if bytes.starts(with: Array("_SM3_".utf8)) {
            guard bytes.count >= 0x18 else { throw .tooShort(length: bytes.count, needed: 0x18) }
            let length = Int(bytes[0x06])
            var notes: [String] = []
            if length > 0x20 || !checksumOK(bytes, 0, length) {
                if requireChecksum { throw .badChecksum(anchor: "_SM3_") }
                notes.append("_SM3_ entry point checksum is wrong; table decoded anyway")
            }
            let major = bytes[0x07], minor = bytes[0x08]
            return SMBIOSEntryPoint(
                kind: .smbios3, major: major, minor: minor, docrev: bytes[0x09],
                tableAddress: b.qword(0x10)!, tableLength: b.dword(0x0C)!, structureCount: nil,
                version: UInt16(major) << 8 | UInt16(minor), notes: notes)
        }
        if bytes.starts(with: Array("_SM_".utf8)) {
            guard bytes.count >= 0x1F else { throw .tooShort(length: bytes.count, needed: 0x1F) }
            var notes: [String] = []
            let length = Int(bytes[0x05])
            if length > 0x20 || !checksumOK(bytes, 0, length)
                || !bytes[0x10..<0x15].elementsEqual("_DMI_".utf8) || !checksumOK(bytes, 0x10, 0x0F) {
                if requireChecksum { throw .badChecksum(anchor: "_SM_") }
                notes.append("_SM_ entry point checksum is wrong; table decoded anyway")
            }
            var major = bytes[0x06], minor = bytes[0x07]
            // Firmware mistakes dmidecode fixes up (SMBIOS 2.3 announced as 2.31/2.33, 2.6 as 2.51).
            switch (major, minor) {
            case (2, 0x1F), (2, 0x21):
                notes.append("SMBIOS version fixup (2.\(minor) -> 2.3)")
                (major, minor) = (2, 3)
            case (2, 0x33):
                notes.append("SMBIOS version fixup (2.51 -> 2.6)")
                (major, minor) = (2, 6)
            default: break
            }
            return SMBIOSEntryPoint(
                kind: .smbios2, major: major, minor: minor, docrev: 0,
                tableAddress: UInt64(b.dword(0x18)!), tableLength: UInt32(b.word(0x16)!),
                structureCount: b.word(0x1C)!, version: UInt16(major) << 8 | UInt16(minor), notes: notes)
        }
        if bytes.starts(with: Array("_DMI_".utf8)) {
            guard bytes.count >= 0x0F else { throw .tooShort(length: bytes.count, needed: 0x0F) }
            var notes: [String] = []
            if !checksumOK(bytes, 0, 0x0F) {
                if requireChecksum { throw .badChecksum(anchor: "_DMI_") }
                notes.append("_DMI_ entry point checksum is wrong; table decoded anyway")
            }
            let bcd = bytes[0x0E]
            return SMBIOSEntryPoint(
                kind: .legacy, major: bcd >> 4, minor: bcd & 0x0F, docrev: 0,
                tableAddress: UInt64(b.dword(0x08)!), tableLength: UInt32(b.word(0x06)!),
                structureCount: b.word(0x0C)!, version: UInt16(bcd >> 4) << 8 | UInt16(bcd & 0x0F), notes: notes)
        }
        throw .unknownAnchor(prefix: Array(bytes.prefix(5)))
    }

    static func checksumOK(_ bytes: [UInt8], _ start: Int, _ length: Int) -> Bool {
        guard start + length <= bytes.count else { return false }
        return bytes[start..<start + length].reduce(UInt8(0)) { $0 &+ $1 } == 0
    }
}
