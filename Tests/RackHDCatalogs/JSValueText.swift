import Foundation

/// JSON text of parsed values (for messages and comparisons), and JSON text back into values with
/// `JSON.parse`'s meaning (later duplicate keys win, every number a double).
public enum JSValueText {
    public static func render(_ value: JSValue) -> String {
        switch value {
        case .undefined: return "undefined"
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number: return value.coercedString
        case .string(let s): return quote(s)
        case .array(let array): return "[" + array.items.map(render).joined(separator: ",") + "]"
        case .object(let object): return "{" + object.keys.map { quote($0) + ":" + render(object[$0]) }.joined(separator: ",") + "}"
        }
    }

    /// A JSON string literal (Foundation's escaping).
    static func quote(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: text, options: [.fragmentsAllowed])) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// `JSON.parse(text)`; throws on text that is not one JSON value.
    public static func parse(_ text: String) throws -> JSValue {
        var parser = Parser(bytes: Array(text.utf8))
        let value = try parser.value()
        parser.skipSpace()
        guard parser.index == parser.bytes.count else { throw JSTypeError("JSON.parse: unexpected text at \(parser.index)") }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        mutating func value() throws -> JSValue {
            skipSpace()
            guard index < bytes.count else { throw JSTypeError("JSON.parse: unexpected end") }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                let object = JSObject()
                skipSpace()
                if bytes.indices.contains(index), bytes[index] == UInt8(ascii: "}") { index += 1; return .object(object) }
                while true {
                    skipSpace()
                    guard case .string(let key) = try value() else { throw JSTypeError("JSON.parse: key expected at \(index)") }
                    skipSpace()
                    try expect(":")
                    object[key] = try value()
                    skipSpace()
                    if try separator("}") { return .object(object) }
                }
            case UInt8(ascii: "["):
                index += 1
                let array = JSArray()
                skipSpace()
                if bytes.indices.contains(index), bytes[index] == UInt8(ascii: "]") { index += 1; return .array(array) }
                while true {
                    array.items.append(try value())
                    skipSpace()
                    if try separator("]") { return .array(array) }
                }
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            default:
                let start = index
                while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
                guard let number = Double(String(decoding: bytes[start..<index], as: UTF8.self)) else {
                    throw JSTypeError("JSON.parse: unexpected character at \(start)")
                }
                return .number(number)
            }
        }

        /// After a member: true at the closing bracket, false after a comma.
        mutating func separator(_ close: Character) throws -> Bool {
            guard index < bytes.count else { throw JSTypeError("JSON.parse: unexpected end") }
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: ",") { return false }
            if byte == close.asciiValue { return true }
            throw JSTypeError("JSON.parse: ',' or '\(close)' expected at \(index - 1)")
        }

        mutating func expect(_ character: Character) throws {
            guard index < bytes.count, bytes[index] == character.asciiValue else { throw JSTypeError("JSON.parse: '\(character)' expected at \(index)") }
            index += 1
        }

        mutating func literal(_ word: String) throws {
            guard bytes[index...].starts(with: word.utf8) else { throw JSTypeError("JSON.parse: unexpected token at \(index)") }
            index += word.utf8.count
        }

        mutating func string() throws -> String {
            index += 1
            var scalars = String.UnicodeScalarView()
            var raw: [UInt8] = []
            func flush() {
                scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
                raw.removeAll()
            }
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\"") { flush(); return String(scalars) }
                guard byte == UInt8(ascii: "\\") else { raw.append(byte); continue }
                flush()
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code), bytes[index...].starts(with: "\\u".utf8) {
                        index += 2
                        let low = try hex4()
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                default: scalars.append(Unicode.Scalar(escape))
                }
            }
            throw JSTypeError("JSON.parse: unterminated string")
        }

        mutating func hex4() throws -> UInt32 {
            guard index + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
                throw JSTypeError("JSON.parse: bad \\u escape at \(index)")
            }
            index += 4
            return code
        }
    }
}
