/// Value formatting shared by the structure decoders, as dmidecode prints values.
public enum DMIFormat {
    public static let outOfSpec = "<OUT OF SPEC>"

    /// A size split in powers of 1024 and shown in the highest unit, with the next one folded in when it
    /// is not zero ("16 GB", "1536 MB"). `shift` is 0 when `code` counts bytes, 1 for kB, 2 for MB.
    public static func memorySize(_ code: UInt64, shift: Int = 0) -> String {
        let units = ["bytes", "kB", "MB", "GB", "TB", "PB", "EB", "ZB"]
        var split = (0..<6).map { (code >> (10 * UInt64($0))) & 0x3FF }
        split.append(code >> 60)
        var i = 6
        while i > 0 && split[i] == 0 { i -= 1 }
        let capacity: UInt64
        if i > 0 && split[i - 1] != 0 {
            i -= 1
            capacity = split[i] + (split[i + 1] << 10)
        } else {
            capacity = split[i]
        }
        return "\(capacity) \(units[i + shift])"
    }

    /// The name of `code` in a table that starts at `first`, or `<OUT OF SPEC>`.
    public static func name(_ code: Int, _ table: [String], first: Int = 1) -> String {
        let index = code - first
        return index >= 0 && index < table.count ? table[index] : outOfSpec
    }

    /// An enumeration name as the fact model keeps it: nil for "Unknown" and for codes out of spec.
    public static func factName(_ name: String) -> String? {
        name == "Unknown" || name == outOfSpec ? nil : name
    }

    /// Names of the set bits of `value`; `names[i]` belongs to bit `first + i`.
    public static func setBits(_ value: UInt64, _ names: [String], first: Int = 0) -> [String] {
        names.indices.compactMap { i in (value >> UInt64(first + i)) & 1 == 1 ? names[i] : nil }
    }

    /// A UUID in the RFC 4122 text form (lower-case, as dmidecode prints it); SMBIOS 2.6 and later
    /// store the first three fields little-endian.
    public static func uuid(_ bytes: [UInt8], littleEndianFields: Bool) -> String {
        let b = littleEndianFields
            ? [bytes[3], bytes[2], bytes[1], bytes[0], bytes[5], bytes[4], bytes[7], bytes[6]] + bytes[8..<16]
            : bytes
        let h = b.map { hex2($0).lowercased() }
        return h[0..<4].joined() + "-" + h[4..<6].joined() + "-" + h[6..<8].joined() + "-"
            + h[8..<10].joined() + "-" + h[10..<16].joined()
    }
}

extension DMIFormat {
    /// `value / 10^places` with exactly `places` decimals: dmidecode's "%.3f" of a reading it divides by
    /// 1000 (or "%.1f" of one divided by 10), which always shows the reading's own digits.
    public static func decimal(_ value: Int, places: Int) -> String {
        guard places > 0 else { return String(value) }
        var scale: UInt = 1
        for _ in 0..<places { scale *= 10 }
        let fraction = String(value.magnitude % scale)
        let sign = value < 0 ? "-" : ""
        return "\(sign)\(value.magnitude / scale)." + String(repeating: "0", count: places - fraction.count) + fraction
    }
}
