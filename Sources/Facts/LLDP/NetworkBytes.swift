/// Big-endian (network order) reads from a slice of a frame that return nil instead of trapping when
/// out of bounds, so a truncated or lying length field can never crash a parser.
struct NetworkBytes {
    let bytes: [UInt8]
    /// The readable window: `start..<end` of `bytes`.
    let start: Int
    let end: Int

    init(_ bytes: [UInt8], start: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.start = max(0, start)
        self.end = min(bytes.count, end ?? bytes.count)
    }

    var count: Int { max(0, end - start) }

    func u8(_ offset: Int) -> UInt8? {
        let i = start + offset
        return offset >= 0 && i < end ? bytes[i] : nil
    }

    func u16(_ offset: Int) -> UInt16? {
        guard let hi = u8(offset), let lo = u8(offset + 1) else { return nil }
        return UInt16(hi) << 8 | UInt16(lo)
    }

    func u32(_ offset: Int) -> UInt32? {
        guard let hi = u16(offset), let lo = u16(offset + 2) else { return nil }
        return UInt32(hi) << 16 | UInt32(lo)
    }

    /// `length` bytes from `offset`, or nil when they are not all there.
    func slice(_ offset: Int, _ length: Int) -> [UInt8]? {
        guard offset >= 0, length >= 0, start + offset + length <= end else { return nil }
        return Array(bytes[(start + offset)..<(start + offset + length)])
    }

    /// Everything from `offset` to the end of the window (empty when past it).
    func rest(_ offset: Int) -> [UInt8] {
        let from = start + max(0, offset)
        return from < end ? Array(bytes[from..<end]) : []
    }

    /// A window of `length` bytes at `offset`, clipped to this window.
    func window(_ offset: Int, _ length: Int) -> NetworkBytes {
        NetworkBytes(bytes, start: start + offset, end: min(end, start + offset + length))
    }
}

/// Text fields of discovery protocols: UTF-8 where valid, otherwise each byte as its Latin-1 character,
/// so a switch that sends ISO 8859-1 still gives readable text. Trailing NULs (C strings sent with their
/// terminator, as some switches do for VLAN names) are dropped.
func protocolString(_ raw: [UInt8]) -> String {
    var bytes = raw[...]
    while bytes.last == 0 { bytes = bytes.dropLast() }
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    return String(bytes.map { Character(Unicode.Scalar($0)) })
}

/// `00:19:2f:a7:b2:8d`: lower-case hex bytes joined by `separator`.
func hexBytes(_ bytes: [UInt8], separator: String = ":") -> String {
    bytes.map { byte in
        let digits = String(byte, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
    }.joined(separator: separator)
}

/// Dotted IPv4 or RFC 5952 IPv6 text for 4 or 16 address bytes; nil for other lengths.
func ipAddressText(_ bytes: [UInt8]) -> String? {
    if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
    guard bytes.count == 16 else { return nil }
    let groups = stride(from: 0, to: 16, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
    // The longest run of two or more zero groups becomes "::" (the first such run on a tie).
    var bestStart = -1, bestLength = 0, runStart = -1
    for i in 0...8 {
        if i < 8 && groups[i] == 0 {
            if runStart < 0 { runStart = i }
        } else if runStart >= 0 {
            if i - runStart > bestLength && i - runStart >= 2 { bestStart = runStart; bestLength = i - runStart }
            runStart = -1
        }
    }
    func text(_ range: Range<Int>) -> String {
        groups[range].map { String($0, radix: 16) }.joined(separator: ":")
    }
    if bestStart < 0 { return text(0..<8) }
    if bestStart == 0 && (bestLength == 6 || (bestLength == 5 && groups[5] == 0xffff)) {
        // IPv4-compatible and IPv4-mapped addresses keep their dotted tail, as inet_ntop writes them.
        let v4 = bytes[12..<16].map(String.init).joined(separator: ".")
        return bestLength == 6 ? "::" + v4 : "::ffff:" + v4
    }
    return text(0..<bestStart) + "::" + text((bestStart + bestLength)..<8)
}
