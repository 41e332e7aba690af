import Facts
import Foundation
import Yams

/// Renders facts as JSON (pretty, keys sorted, snake_case), YAML (the same tree) or flat `key=value` lines.
enum FactsEmitter {
    static func render(_ facts: Facts, as format: OutputFormat) throws -> String {
        let json = try encoder.encode(facts)
        switch format {
        case .json:
            return String(decoding: json, as: UTF8.self) + "\n"
        case .yaml:
            let tree = try JSONDecoder().decode(JSONValue.self, from: json)
            return try Yams.serialize(node: yamlNode(tree), allowUnicode: true)
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

    /// Strings are quoted when YAML would otherwise read them as another type ("1.0", "true", "null").
    static func yamlNode(_ value: JSONValue) -> Node {
        switch value {
        case .null:
            return Node("null", Tag(.null))
        case .string(let s):
            return Node(s, Tag(.str), .doubleQuoted)
        case .bool, .int, .uint, .double:
            return Node(value.scalarText!)
        case .array(let elements):
            return Node(elements.map(yamlNode))
        case .object(let members):
            return Node(members.keys.sorted().map { (Node($0), yamlNode(members[$0]!)) })
        }
    }
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
            let text = node.scalarText!.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
            out.append("\(path)=\(text)")
        }
    }
}
