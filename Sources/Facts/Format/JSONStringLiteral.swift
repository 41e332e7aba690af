/// A JSON string literal as the C tools mkagent mimics write one: `"` and `\` escaped, the short escapes
/// for backspace, form feed, newline, return and tab, other control characters as `\uXXXX`. The tools
/// differ only in the case of those hex digits (libsmartcols lower, lldpcli's jansson upper).
enum JSONStringLiteral {
    static func quoted(_ text: String, uppercaseHex: Bool) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16, uppercase: uppercaseHex)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
