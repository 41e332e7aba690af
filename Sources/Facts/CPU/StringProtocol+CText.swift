extension StringProtocol {
    /// Without leading and trailing white space in C's sense (space, tab, line ends, vertical tab, form
    /// feed), the way util-linux trims /proc and /sys values.
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.isCSpace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.isCSpace })!
        return String(String.UnicodeScalarView(scalars[start...end]))
    }

    /// Without trailing white space only.
    var trimmingTrailingWhitespace: String {
        let scalars = unicodeScalars
        guard let end = scalars.lastIndex(where: { !$0.isCSpace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[...end]))
    }
}

extension Unicode.Scalar {
    /// C's isspace() in the C locale.
    var isCSpace: Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return true
        default: return false
        }
    }
}

extension StringProtocol {
    /// strtod(): the leading decimal number (`2596.120 MHz` is 2596.12), 0 when there is none.
    var cDoubleValue: Double {
        let trimmed = trimmingWhitespace
        var end = trimmed.startIndex
        var seenDigit = false, seenDot = false
        if end < trimmed.endIndex, trimmed[end] == "-" || trimmed[end] == "+" { end = trimmed.index(after: end) }
        while end < trimmed.endIndex {
            let c = trimmed[end]
            if c.isASCII && c.isNumber {
                seenDigit = true
            } else if c == "." && !seenDot {
                seenDot = true
            } else {
                break
            }
            end = trimmed.index(after: end)
        }
        guard seenDigit else { return 0 }
        return Double(trimmed[..<end]) ?? 0
    }
}
