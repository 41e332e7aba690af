/// lldpcli's `-f json` writer (lldpd `json_writer.c`): every tag becomes an array of objects, attributes
/// become strings (or booleans for yes/no/on/off) and data a `value` key; then one-element arrays and
/// value-only objects collapse, and an object's `name` becomes its key. The text is indented as lldpcli
/// indents it.
public enum LLDPCLIJSONWriter {

    /// A mutable tree node while building.
    final class Node {
        enum Kind { case string(String), bool(Bool), array, object }
        var kind: Kind
        var key: String?
        var children: [Node] = []
        weak var parent: Node?

        init(_ kind: Kind, key: String?, parent: Node?) {
            self.kind = kind
            self.key = key
            self.parent = parent
            parent?.children.append(self)
        }
    }

    public static func render(_ events: [LLDPCLIEvent]) -> String {
        let root = Node(.object, key: nil, parent: nil)
        var current = root
        for event in events {
            switch event {
            case .start(let tag):
                let array = current.children.first { $0.key == tag } ?? Node(.array, key: tag, parent: current)
                current = Node(.object, key: nil, parent: array)
            case .attribute(let key, let value):
                switch value {
                case "yes", "on": _ = Node(.bool(true), key: key, parent: current)
                case "no", "off": _ = Node(.bool(false), key: key, parent: current)
                default: _ = Node(.string(value), key: key, parent: current)
                }
            case .data(let value):
                _ = Node(.string(value), key: "value", parent: current)
            case .end:
                var up = current.parent
                while let node = up, case .array = node.kind { up = node.parent }
                current = up ?? root
            }
        }
        for child in root.children { cleanup(child) }
        var out = ""
        dump(root, indent: 0, into: &out)
        return out + "\n\n"
    }

    /// json_element_cleanup, node for node.
    static func cleanup(_ node: Node) {
        let isArray: Bool
        switch node.kind {
        case .array: isArray = true
        case .object: isArray = false
        default: return
        }
        if node.children.count == 1, let child = node.children.first, isArray || child.key == "value", let parent = node.parent,
            let position = parent.children.firstIndex(where: { $0 === node }) {
            child.key = node.key
            child.parent = parent
            parent.children[position] = child
            cleanup(child)
            return
        }
        for child in node.children { cleanup(child) }
        if !isArray, let nameIndex = node.children.lastIndex(where: { if $0.key == "name", case .string = $0.kind { return true } else { return false } }),
            case .string(let name) = node.children[nameIndex].kind, let parent = node.parent,
            let position = parent.children.firstIndex(where: { $0 === node }) {
            let wrapper = Node(.object, key: node.key, parent: nil)
            wrapper.parent = parent
            parent.children[position] = wrapper
            node.children.remove(at: nameIndex)
            node.key = name
            node.parent = wrapper
            wrapper.children.append(node)
        }
    }

    static func dump(_ node: Node, indent: Int, into out: inout String) {
        switch node.kind {
        case .string(let s): out += quoted(s)
        case .bool(let b): out += b ? "true" : "false"
        case .array, .object:
            let isArray: Bool
            if case .array = node.kind { isArray = true } else { isArray = false }
            out += (isArray ? "[" : "{") + "\n" + String(repeating: " ", count: indent + 2)
            for (i, child) in node.children.enumerated() {
                if !isArray { out += quoted(child.key ?? "") + ": " }
                dump(child, indent: indent + 2, into: &out)
                if i < node.children.count - 1 { out += ",\n" + String(repeating: " ", count: indent + 2) }
            }
            out += "\n" + String(repeating: " ", count: indent) + (isArray ? "]" : "}")
        }
    }

    /// JSON string quoting as lldpcli does it (upper-case `\u` hex).
    static func quoted(_ text: String) -> String {
        JSONStringLiteral.quoted(text, uppercaseHex: true)
    }
}
