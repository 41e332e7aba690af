/// Writes the tree as `lshw -json` does: keys in lshw's order (id, class, disabled, claimed, handle,
/// description, product, vendor, physid, businfo, logicalname, dev, version, date, serial, slot, units,
/// size, capacity, width, clock, configuration, capabilities, children), configuration keys sorted,
/// capabilities in the order found.
public enum LshwJSONWriter {
    public static func render(_ root: HardwareNode) -> String {
        var out = ""
        write(root, level: 0, into: &out)
        out += "\n"
        return out
    }

    /// Appends the node as one JSON object, members separated as lshw separates them.
    private static func write(_ node: HardwareNode, level: Int, into out: inout String) {
        let pad = String(repeating: " ", count: 2 * level)
        let inner = pad + "  "
        out += pad + "{\n"
        var first = true
        func member(_ key: String) {
            out += first ? inner : ",\n" + inner
            first = false
            out += "\"" + key + "\" : "
        }
        func string(_ key: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            member(key)
            quote(value, into: &out)
        }
        func number(_ key: String, _ value: UInt64?) {
            guard let value, value > 0 else { return }
            member(key)
            out += String(value)
        }
        string("id", node.id)
        string("class", node.class)
        if node.disabled == true { member("disabled"); out += "true" }
        if node.claimed == true { member("claimed"); out += "true" }
        string("handle", node.handle)
        string("description", node.description)
        string("product", node.product)
        string("vendor", node.vendor)
        string("physid", node.physid)
        string("businfo", node.businfo)
        switch node.logicalname {
        case .one(let name): string("logicalname", name)
        case .many(let names):
            member("logicalname")
            out += "["
            for (index, name) in names.enumerated() {
                if index > 0 { out += ", " }
                quote(name, into: &out)
            }
            out += "]"
        case nil: break
        }
        string("dev", node.dev)
        string("version", node.version)
        string("date", node.date)
        string("serial", node.serial)
        string("slot", node.slot)
        string("units", node.units)
        number("size", node.size)
        number("capacity", node.capacity)
        number("width", node.width.flatMap { $0 > 0 ? UInt64($0) : nil })
        number("clock", node.clock)
        if let configuration = node.configuration, !configuration.isEmpty {
            member("configuration")
            out += "{\n"
            for (index, key) in configuration.keys.sorted().enumerated() {
                out += index > 0 ? ",\n" + inner + "  " : inner + "  "
                quote(key, into: &out)
                out += " : "
                quote(configuration[key]!, into: &out)
            }
            out += "\n" + inner + "}"
        }
        if let capabilities = node.capabilities, !capabilities.isEmpty {
            member("capabilities")
            out += "{\n"
            for (index, entry) in capabilities.entries.enumerated() {
                out += index > 0 ? ",\n" + inner + "  " : inner + "  "
                quote(entry.name, into: &out)
                out += " : "
                if let description = entry.description { quote(description, into: &out) } else { out += "true" }
            }
            out += "\n" + inner + "}"
        }
        if let children = node.children, !children.isEmpty {
            member("children")
            out += "[\n"
            for (index, child) in children.enumerated() {
                if index > 0 { out += ",\n" }
                write(child, level: level + 2, into: &out)
            }
            out += "\n" + inner + "]"
        }
        out += "\n" + pad + "}"
    }

    /// Appends TEXT as a JSON string literal.
    static func quote(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u" + HexText.lower(UInt64(scalar.value), digits: 4)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
