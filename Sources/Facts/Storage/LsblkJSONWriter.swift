/// util-linux's JSON writer (`lib/jsonwrt.c`), whose exact spacing lsblk -J output has: three spaces an
/// indent level, `},{` between objects, values of an array on one line, names lower-cased.
struct LsblkJSONWriter {
    private(set) var output = ""
    private var indent = 0
    private var afterClose = false

    private enum Kind { case object, array, value }

    mutating func openObject(_ name: String? = nil) { open(name, .object) }
    mutating func openArray(_ name: String?) { open(name, .array) }
    mutating func closeObject() { close(.object) }
    mutating func closeArray() { close(.array) }

    /// A string, or `null` when empty.
    mutating func string(_ name: String?, _ value: String) {
        open(name, .value)
        output += value.isEmpty ? "null" : JSONStringLiteral.quoted(value, uppercaseHex: false)
        afterClose = true
    }

    /// A number as text, or `null` when empty.
    mutating func raw(_ name: String?, _ value: String) {
        open(name, .value)
        output += value.isEmpty ? "null" : value
        afterClose = true
    }

    mutating func boolean(_ name: String?, _ value: Bool) {
        open(name, .value)
        output += value ? "true" : "false"
        afterClose = true
    }

    private mutating func open(_ name: String?, _ kind: Kind) {
        if let name {
            if afterClose { output += ",\n" }
            output += String(repeating: "   ", count: indent) + JSONStringLiteral.quoted(name.lowercased(), uppercaseHex: false)
        } else if afterClose {
            output += ","
        } else {
            output += String(repeating: "   ", count: indent)
        }
        switch kind {
        case .object:
            output += name == nil ? "{\n" : ": {\n"
            indent += 1
        case .array:
            output += name == nil ? "[\n" : ": [\n"
            indent += 1
        case .value:
            output += name == nil ? " " : ": "
        }
        afterClose = false
    }

    private mutating func close(_ kind: Kind) {
        if indent == 1 {
            output += "\n}\n"
            indent -= 1
            afterClose = true
            return
        }
        indent -= 1
        output += "\n" + String(repeating: "   ", count: indent) + (kind == .object ? "}" : "]")
        afterClose = true
    }
}
