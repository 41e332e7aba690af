import Facts
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Renders facts as JSON (pretty, keys sorted, snake_case), YAML (the same tree) or flat `key=value` lines.
enum FactsEmitter {
    static func render(_ facts: Facts, as format: OutputFormat) throws -> String {
        let json = try encoder.encode(facts)
        switch format {
        case .json:
            return String(decoding: json, as: UTF8.self) + "\n"
        case .yaml:
            return YAMLRenderer.render(try JSONDecoder().decode(JSONValue.self, from: json))
        case .flat:
            let tree = try JSONDecoder().decode(JSONValue.self, from: json)
            return FlatRenderer.lines(tree).joined(separator: "\n") + "\n"
        }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}

/// `dmi.bios.vendor=American Megatrends Inc.`: one line per leaf, paths joined with dots, keys sorted,
/// array elements numbered from 0, nulls left out.
enum FlatRenderer {
    static func lines(_ tree: JSONValue) -> [String] {
        var out: [String] = []
        walk(tree, path: "", into: &out)
        return out
    }

    private static func walk(_ node: JSONValue, path: String, into out: inout [String]) {
        func child(_ key: String) -> String { path.isEmpty ? key : path + "." + key }
        switch node {
        case .object(let members):
            for key in members.keys.sorted() { walk(members[key]!, path: child(key), into: &out) }
        case .array(let elements):
            for (index, element) in elements.enumerated() { walk(element, path: child(String(index)), into: &out) }
        case .null:
            break
        default:
            let text = node.scalarText!.replacing("\\", with: "\\\\").replacing("\n", with: "\\n")
            out.append("\(path)=\(text)")
        }
    }
}
