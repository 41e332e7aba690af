import Foundation

/// The nodes of an `lshw -json` tree (lshw's own or `mkagent lshw`'s), for the tests that compare them.
public enum LshwJSONNodes {
    public struct NotATree: Error, CustomStringConvertible {
        public var description: String { "the text is not an lshw -json tree" }
    }

    /// Every node of the tree, depth first from the root.
    public static func all(_ text: String) throws -> [[String: Any]] {
        guard let root = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { throw NotATree() }
        func flatten(_ node: [String: Any]) -> [[String: Any]] {
            [node] + ((node["children"] as? [[String: Any]]) ?? []).flatMap(flatten)
        }
        return flatten(root)
    }

    /// A node's `logicalname`, which lshw writes as a string or, for several, a list.
    public static func logicalNames(_ node: [String: Any]) -> [String] {
        if let one = node["logicalname"] as? String { return [one] }
        return (node["logicalname"] as? [String]) ?? []
    }
}
