/// One SMBIOS structure: its formatted area (header included) and its string set.
///
/// Accessors take offsets as the SMBIOS specification gives them (from the start of the header) and
/// return nil past the structure's formatted length, so decoders of older, shorter structures simply
/// stop where the firmware's data ends.
public struct SMBIOSStructure: Sendable, Equatable {
    public let type: UInt8
    public let handle: UInt16
    /// The formatted area, header included; its count is the structure's length byte.
    public let formatted: [UInt8]
    /// The strings, unfiltered; string number N is `strings[N - 1]`.
    public let strings: [[UInt8]]
    /// Offset of the structure in the table, for diagnostics.
    public let offset: Int

    public init(formatted: [UInt8], strings: [[UInt8]], offset: Int) {
        precondition(formatted.count >= 4, "an SMBIOS structure has a 4-byte header")
        self.formatted = formatted
        self.strings = strings
        self.offset = offset
        self.type = formatted[0]
        self.handle = UInt16(formatted[2]) | UInt16(formatted[3]) << 8
    }

    public var length: Int { formatted.count }

    public func byte(_ offset: Int) -> UInt8? { ByteReader(formatted).byte(offset) }
    public func word(_ offset: Int) -> UInt16? { ByteReader(formatted).word(offset) }
    public func dword(_ offset: Int) -> UInt32? { ByteReader(formatted).dword(offset) }
    public func qword(_ offset: Int) -> UInt64? { ByteReader(formatted).qword(offset) }

    /// Bytes `offset..<offset+count` of the formatted area, or nil if they are not all there.
    public func bytes(_ offset: Int, _ count: Int) -> [UInt8]? {
        guard offset >= 0, count >= 0, offset + count <= formatted.count else { return nil }
        return Array(formatted[offset..<offset + count])
    }

    /// The string a string-number byte refers to, resolved the way dmidecode does.
    public func string(number: UInt8) -> DMIString {
        if number == 0 { return .none }
        guard Int(number) <= strings.count else { return .badIndex }
        return .value(Self.asciiFiltered(strings[Int(number) - 1]))
    }

    /// The string referenced by the byte at `offset`; nil when the structure is too short to hold it.
    public func string(at offset: Int) -> DMIString? {
        byte(offset).map { string(number: $0) }
    }

    /// Non-printable bytes become '.', as dmidecode shows them.
    static func asciiFiltered(_ raw: [UInt8]) -> String {
        String(decoding: raw.map { $0 < 32 || $0 >= 127 ? UInt8(ascii: ".") : $0 }, as: UTF8.self)
    }
}

/// A string reference resolved against a structure's string set.
public enum DMIString: Sendable, Equatable {
    /// String number 0: the firmware gives no string.
    case none
    /// The number is past the end of the string set.
    case badIndex
    case value(String)

    /// The text dmidecode prints for it.
    public var text: String {
        switch self {
        case .none: return "Not Specified"
        case .badIndex: return "<BAD INDEX>"
        case .value(let s): return s
        }
    }

    /// What the fact model keeps: the string without the space padding firmware often adds (part
    /// numbers padded to 18 characters, versions to 8), nil when absent, bad or blank.
    public var value: String? {
        guard case .value(let s) = self,
              let first = s.utf8.firstIndex(where: { $0 != UInt8(ascii: " ") }),
              let last = s.utf8.lastIndex(where: { $0 != UInt8(ascii: " ") })
        else { return nil }
        return String(s[first...last])
    }
}
