/// Pure conversions of the text sysfs and procfs attributes hold.
enum SysfsValue {
    /// Without leading and trailing spaces, tabs, newlines and NULs.
    static func trimmed(_ text: some StringProtocol) -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\0" }
        guard let first = text.firstIndex(where: { !isBlank($0) }) else { return "" }
        let last = text.lastIndex(where: { !isBlank($0) })!
        return String(text[first...last])
    }

    /// A hexadecimal number with or without `0x` (`block_size_bytes` holds `8000000`).
    static func hexadecimal(_ text: some StringProtocol) -> UInt64? {
        var digits = Substring(trimmed(text))
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") { digits = digits.dropFirst(2) }
        return digits.isEmpty ? nil : UInt64(digits, radix: 16)
    }

    /// Words separated by runs of white space.
    static func words(_ text: some StringProtocol) -> [String] {
        text.split(whereSeparator: { (c: Character) in c == " " || c == "\t" || c == "\n" }).map { String($0) }
    }
}
