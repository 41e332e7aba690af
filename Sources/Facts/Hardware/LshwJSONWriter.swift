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

    private static func write(_ node: HardwareNode, level: Int, into out: inout String) {
        let pad = String(repeating: " ", count: 2 * level)
        let inner = pad + "  "
        var members: [String] = []
        func string(_ key: String, _ value: String?) {
            if let value, !value.isEmpty { members.append("\(inner)\"\(key)\" : \(quote(value))") }
        }
        func number<T: BinaryInteger>(_ key: String, _ value: T?) {
            if let value, value > 0 { members.append("\(inner)\"\(key)\" : \(value)") }
        }
        string("id", node.id)
        string("class", node.class)
        if node.disabled == true { members.append("\(inner)\"disabled\" : true") }
        if node.claimed == true { members.append("\(inner)\"claimed\" : true") }
        string("handle", node.handle)
        string("description", node.description)
        string("product", node.product)
        string("vendor", node.vendor)
        string("physid", node.physid)
        string("businfo", node.businfo)
        switch node.logicalname {
        case .one(let name): string("logicalname", name)
        case .many(let names): members.append("\(inner)\"logicalname\" : [\(names.map(quote).joined(separator: ", "))]")
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
        number("width", node.width)
        number("clock", node.clock)
        if let configuration = node.configuration, !configuration.isEmpty {
            let lines = configuration.keys.sorted().map { "\(inner)  \(quote($0)) : \(quote(configuration[$0]!))" }
            members.append("\(inner)\"configuration\" : {\n\(lines.joined(separator: ",\n"))\n\(inner)}")
        }
        if let capabilities = node.capabilities, !capabilities.isEmpty {
            let lines = capabilities.entries.map { "\(inner)  \(quote($0.name)) : \($0.description.map(quote) ?? "true")" }
            members.append("\(inner)\"capabilities\" : {\n\(lines.joined(separator: ",\n"))\n\(inner)}")
        }
        if let children = node.children, !children.isEmpty {
            var text = "\(inner)\"children\" : [\n"
            for (index, child) in children.enumerated() {
                if index > 0 { text += ",\n" }
                write(child, level: level + 2, into: &text)
            }
            text += "\n\(inner)]"
            members.append(text)
        }
        out += "\(pad){\n\(members.joined(separator: ",\n"))\n\(pad)}"
    }

    static func quote(_ text: String) -> String {
        var out = "\""
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
        return out + "\""
    }
}
