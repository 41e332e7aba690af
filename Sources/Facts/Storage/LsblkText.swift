/// util-linux's text helpers as lsblk applies them: sizes in binary units, whitespace normalisation of
/// udev strings, and the `\xHH` encoding of characters a terminal table must not print raw.
enum LsblkText {
    /// `size_to_human_string` with one-letter suffixes: `256G`, `1.5T`, `512B`, one rounded decimal.
    static func humanSize(_ bytes: UInt64) -> String {
        var exponent = 0
        for shift in stride(from: 10, through: 60, by: 10) {
            exponent = shift - 10
            if bytes < 1 << UInt64(shift) { break }
            exponent = shift
        }
        let letters: [Character] = ["B", "K", "M", "G", "T", "P", "E"]
        let suffix = letters[exponent / 10]
        var whole = exponent == 0 ? bytes : bytes >> UInt64(exponent)
        var fraction = exponent == 0 ? 0 : bytes & ((1 << UInt64(exponent)) - 1)
        if fraction != 0 {
            if fraction >= UInt64.max / 1000 {
                fraction = ((fraction / 1024) * 1000) / (1 << UInt64(exponent - 10))
            } else {
                fraction = (fraction * 1000) / (1 << UInt64(exponent))
            }
            fraction = ((fraction + 50) / 100) * 10
            if fraction == 100 {
                whole += 1
                fraction = 0
            }
        }
        guard fraction != 0 else { return "\(whole)\(suffix)" }
        var digits = fraction < 10 ? "0\(fraction)" : "\(fraction)"
        if digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)\(suffix)"
    }

    /// util-linux `normalize_whitespace`: no leading or trailing white space, each run inside kept as its
    /// first character.
    static func normalizeWhitespace(_ text: String) -> String {
        var result: [UInt8] = []
        var spaces = 0
        var inText = false
        for byte in text.utf8 {
            if isSpace(byte) {
                spaces += 1
            } else {
                spaces = 0
                inText = true
            }
            if spaces > 1 || (spaces > 0 && !inText) { continue }
            result.append(byte)
        }
        if spaces > 0, !result.isEmpty { result.removeLast() }
        return String(decoding: result, as: UTF8.self)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// libsmartcols' safe encoding for a table cell: control characters (and, outside a UTF-8 locale, every
    /// non-ASCII byte) as `\xHH`, and a backslash that starts `\x` too, so the output cannot be mistaken;
    /// `keep` characters (the newline of a multi-line cell) stay. Returns the text and its width in cells.
    static func safeEncoded(_ text: String, utf8: Bool, keep: Unicode.Scalar? = nil) -> (text: String, width: Int) {
        var out = ""
        var width = 0
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\\", index + 1 < scalars.count, scalars[index + 1] == "x" {
                out += "\\x5c"
                width += 4
            } else if scalar == keep {
                out.unicodeScalars.append(scalar)
            } else if scalar.value < 0x20 || scalar.value == 0x7F || (scalar.value >= 0x80 && (!utf8 || scalar.value < 0xA0)) {
                for byte in String(scalar).utf8 {
                    out += "\\x" + hex(byte)
                    width += 4
                }
            } else {
                out.unicodeScalars.append(scalar)
                width += 1
            }
        }
        return (out, width)
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}
