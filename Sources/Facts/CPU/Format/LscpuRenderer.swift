/// Prints lscpu's tables as util-linux's libsmartcols does when the output is not a terminal: columns
/// padded to the widest cell and separated by one space, or JSON with three-space indentation.
public enum LscpuRenderer {
    /// `Field:   data` lines.
    public static func text(_ lines: [LscpuSummary.Line]) -> String {
        let width = lines.map { $0.field.count }.max() ?? 0
        var out = ""
        for line in lines {
            out += line.field
            out += String(repeating: " ", count: width - line.field.count + 1)
            out += line.data ?? ""
            out += "\n"
        }
        return out
    }

    /// `{"lscpu": [{"field": ..., "data": ...}, ...]}`.
    public static func json(_ lines: [LscpuSummary.Line]) -> String {
        let records = lines.map { [("field", JSONCell.string($0.field)), ("data", $0.data.map(JSONCell.string) ?? .null)] }
        return json(name: "lscpu", records: records)
    }

    /// A cell of a JSON table: strings are quoted, numbers and booleans are not.
    public enum JSONCell: Sendable, Equatable {
        case string(String)
        case raw(String)
        case null
    }

    public static func json(name: String, records: [[(String, JSONCell)]]) -> String {
        var out = "{\n   \(quoted(name)): [\n"
        for (index, record) in records.enumerated() {
            out += index == 0 ? "      {\n" : "      },{\n"
            for (position, (key, cell)) in record.enumerated() {
                out += "         \(quoted(key)): "
                switch cell {
                case .string(let text): out += quoted(text)
                case .raw(let text): out += text
                case .null: out += "null"
                }
                out += position == record.count - 1 ? "\n" : ",\n"
            }
        }
        // libsmartcols leaves an empty line in an empty array.
        out += records.isEmpty ? "\n" : "      }\n"
        out += "   ]\n}\n"
        return out
    }

    /// JSON string quoting as libsmartcols does it (lower-case `\u` hex).
    static func quoted(_ text: String) -> String {
        JSONStringLiteral.quoted(text, uppercaseHex: false)
    }
}
