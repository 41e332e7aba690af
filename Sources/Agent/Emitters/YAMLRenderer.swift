/// YAML block style for the facts tree. Strings are always double-quoted (YAML's JSON-compatible
/// escapes), so no value can be read back as another type ("1.0", "yes", "null").
enum YAMLRenderer {
    static func render(_ value: JSONValue) -> String {
        var out = ""
        switch value {
        case .object(let members) where !members.isEmpty:
            mapping(members, indent: 0, into: &out)
        case .array(let elements) where !elements.isEmpty:
            sequence(elements, indent: 0, into: &out)
        default:
            out = inline(value) + "\n"
        }
        return out
    }

    private static func mapping(_ members: [String: JSONValue], indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for key in members.keys.sorted() {
            let value = members[key]!
            out += pad + plainKey(key) + ":"
            nested(value, indent: indent, into: &out)
        }
    }

    private static func sequence(_ elements: [JSONValue], indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for element in elements {
            switch element {
            case .object(let members) where !members.isEmpty:
                // The first key shares the dash's line; the others align under it.
                var block = ""
                mapping(members, indent: indent + 2, into: &block)
                out += pad + "- " + block.dropFirst(indent + 2)
            case .array(let inner) where !inner.isEmpty:
                out += pad + "-\n"
                sequence(inner, indent: indent + 2, into: &out)
            default:
                out += pad + "- " + inline(element) + "\n"
            }
        }
    }

    /// After `key:`, either a scalar on the same line or a block below.
    private static func nested(_ value: JSONValue, indent: Int, into out: inout String) {
        switch value {
        case .object(let members) where !members.isEmpty:
            out += "\n"
            mapping(members, indent: indent + 2, into: &out)
        case .array(let elements) where !elements.isEmpty:
            out += "\n"
            sequence(elements, indent: indent, into: &out)
        default:
            out += " " + inline(value) + "\n"
        }
    }

    private static func inline(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .string(let s): return quoted(s)
        case .array: return "[]"
        case .object: return "{}"
        default: return value.scalarText!
        }
    }

    private static func plainKey(_ key: String) -> String {
        let safe = !key.isEmpty && key.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        } && !("0"..."9").contains(key.unicodeScalars.first!)
        return safe ? key : quoted(key)
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let digits = String(scalar.value, radix: 16)
                out += "\\x" + (digits.count < 2 ? "0" + digits : digits)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
