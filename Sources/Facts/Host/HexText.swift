/// Hex spellings of ids: hwdb's modaliases are upper-case, sysfs, lspci and lshw lower-case.
enum HexText {
    /// Upper-case hex, zero-padded to `digits`.
    static func upper(_ value: UInt64, digits: Int) -> String {
        pad(String(value, radix: 16, uppercase: true), digits)
    }

    /// Lower-case hex, zero-padded to `digits`.
    static func lower(_ value: UInt64, digits: Int) -> String {
        pad(String(value, radix: 16), digits)
    }

    /// `0x1af4`, `1af4` or `1AF4` as a number; nil when not hex.
    static func parse(_ text: some StringProtocol) -> UInt64? {
        var digits = Substring(text.trimmed())
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") { digits = digits.dropFirst(2) }
        return digits.isEmpty ? nil : UInt64(digits, radix: 16)
    }

    private static func pad(_ text: String, _ digits: Int) -> String {
        text.count >= digits ? text : String(repeating: "0", count: digits - text.count) + text
    }
}

extension StringProtocol {
    /// The text without leading and trailing characters from `set` (blanks and newlines by default).
    func trimmed(_ set: String = " \t\n\r") -> String {
        let scalars = Set(set.unicodeScalars)
        var view = Substring(self).unicodeScalars[...]
        while let first = view.first, scalars.contains(first) { view = view.dropFirst() }
        while let last = view.last, scalars.contains(last) { view = view.dropLast() }
        return String(Substring(view))
    }
}
