/// A JSON value as ohai builds it: objects keep the order in which keys were first set (ohai's Mash is an
/// insertion-ordered hash), and setting a key again replaces its value in place.
public enum OhaiValue: Sendable, Equatable {
    case null
    case string(String)
    case int(Int)
    case array([OhaiValue])
    case object(OhaiObject)

    /// The value at a path of object keys, nil where the path leaves the tree.
    public subscript(path: String...) -> OhaiValue? { value(at: path) }

    public func value(at path: [String]) -> OhaiValue? {
        var current = self
        for key in path {
            guard case .object(let object) = current, let next = object[key] else { return nil }
            current = next
        }
        return current
    }

    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// Written the way ohai's `to_json` pretty printer lays it out: two-space indent, `"key": value`.
    public func json() -> String {
        var out = ""
        write(into: &out, indent: "")
        return out + "\n"
    }

    private func write(into out: inout String, indent: String) {
        switch self {
        case .null: out += "null"
        case .string(let text): out += JSONStringLiteral.quoted(text, uppercaseHex: false)
        case .int(let number): out += String(number)
        case .array(let elements):
            if elements.isEmpty { out += "[]"; return }
            out += "[\n"
            for (index, element) in elements.enumerated() {
                out += indent + "  "
                element.write(into: &out, indent: indent + "  ")
                out += index + 1 < elements.count ? ",\n" : "\n"
            }
            out += indent + "]"
        case .object(let object):
            if object.keys.isEmpty { out += "{}"; return }
            out += "{\n"
            for (index, key) in object.keys.enumerated() {
                out += indent + "  " + JSONStringLiteral.quoted(key, uppercaseHex: false) + ": "
                object.values[key]!.write(into: &out, indent: indent + "  ")
                out += index + 1 < object.keys.count ? ",\n" : "\n"
            }
            out += indent + "}"
        }
    }
}

/// An insertion-ordered string-keyed map (ohai's Mash).
public struct OhaiObject: Sendable, Equatable {
    public private(set) var keys: [String] = []
    fileprivate(set) var values: [String: OhaiValue] = [:]

    public init() {}

    public subscript(key: String) -> OhaiValue? {
        get { values[key] }
        set {
            guard let newValue else {
                if values.removeValue(forKey: key) != nil { keys.removeAll { $0 == key } }
                return
            }
            if values.updateValue(newValue, forKey: key) == nil { keys.append(key) }
        }
    }

    /// Sets a string member, or nothing when the value is nil (ohai leaves unknown attributes out).
    public mutating func set(_ key: String, _ text: String?) {
        if let text { self[key] = .string(text) }
    }
}
