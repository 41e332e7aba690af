import Foundation

/// The String and global functions RackHD's parsers call, with JavaScript's edge cases.
public enum JSString {
    /// `text.split(separator)`: empty pieces kept, `[""]` for empty text.
    public static func split(_ text: String, _ separator: String) -> [String] {
        text.components(separatedBy: separator)
    }

    /// `text.trim()`: JavaScript's white space and line terminators at both ends.
    public static func trim(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace || $0 == "\u{FEFF}" }
        var view = Substring(text)
        while let first = view.first, isSpace(first) { view = view.dropFirst() }
        while let last = view.last, isSpace(last) { view = view.dropLast() }
        return String(view)
    }

    /// `parseInt(text)` used as a condition: true when the text starts with a non-zero integer (decimal,
    /// or hex after `0x`), after white space and an optional sign.
    public static func parseIntIsTruthy(_ text: String) -> Bool {
        var rest = Substring(trim(text))
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        if rest.lowercased().hasPrefix("0x") {
            let digits = rest.dropFirst(2).prefix { $0.isHexDigit }
            return digits.contains { $0 != "0" }
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        return digits.contains { $0 != "0" }
    }

    /// `array.slice(start, end)` with negative positions counted from the end.
    public static func slice<T>(_ items: [T], _ start: Int, _ end: Int) -> [T] {
        func position(_ index: Int) -> Int { index < 0 ? max(items.count + index, 0) : min(index, items.count) }
        let from = position(start), to = position(end)
        return from < to ? Array(items[from..<to]) : []
    }

    /// `text.match(/\d+/)`: the first run of digits.
    public static func firstNumber(_ text: String) -> String? {
        guard let start = text.firstIndex(where: { $0.isASCII && $0.isNumber }) else { return nil }
        return String(text[start...].prefix { $0.isASCII && $0.isNumber })
    }
}
