/// Little-endian reads from a byte array that return nil instead of trapping when out of bounds.
struct ByteReader {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func byte(_ offset: Int) -> UInt8? {
        offset >= 0 && offset < bytes.count ? bytes[offset] : nil
    }

    func word(_ offset: Int) -> UInt16? {
        guard offset >= 0, offset + 2 <= bytes.count else { return nil }
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    func dword(_ offset: Int) -> UInt32? {
        guard offset >= 0, offset + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for i in (0..<4).reversed() { value = value << 8 | UInt32(bytes[offset + i]) }
        return value
    }

    func qword(_ offset: Int) -> UInt64? {
        guard offset >= 0, offset + 8 <= bytes.count else { return nil }
        var value: UInt64 = 0
        for i in (0..<8).reversed() { value = value << 8 | UInt64(bytes[offset + i]) }
        return value
    }
}

extension Sequence where Element == UInt8 {
    /// Upper-case hex bytes separated by spaces, as dmidecode prints raw data.
    var hexString: String {
        map { hex2($0) }.joined(separator: " ")
    }
}

/// Two upper-case hex digits.
func hex2(_ value: UInt8) -> String {
    String(decoding: [hexDigits[Int(value >> 4)], hexDigits[Int(value & 0x0F)]], as: UTF8.self)
}

private let hexDigits = Array("0123456789ABCDEF".utf8)

/// `value` in upper-case hex, zero-padded to `width` digits (like printf's `%0*X`).
func hex(_ value: some BinaryInteger, width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
