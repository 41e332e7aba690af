/// `lshw -short`: one line per node with its hardware path (physical ids from the root), first logical
/// name, class and a one-line description, in columns.
public enum LshwShortRenderer {
    public static func render(_ root: HardwareNode) -> String {
        var rows: [(path: String, device: String, class: String, description: String)] = []
        func walk(_ node: HardwareNode, prefix: String) {
            let path = node.physid.map { prefix + "/" + $0 } ?? ""
            rows.append((path, node.logicalname?.all.first ?? "", node.class, summary(node)))
            for child in node.children ?? [] { walk(child, prefix: path) }
        }
        walk(root, prefix: "")
        let headers = ("H/W path", "Device", "Class", "Description")
        let w1 = max(headers.0.count, rows.map(\.path.count).max() ?? 0)
        let w2 = max(headers.1.count, rows.map(\.device.count).max() ?? 0)
        let w3 = max(headers.2.count, rows.map(\.class.count).max() ?? 0)
        func line(_ a: String, _ b: String, _ c: String, _ d: String) -> String {
            let text = pad(a, w1 + 2) + pad(b, w2 + 2) + pad(c, w3 + 2) + d
            return text
        }
        var out = line(headers.0, headers.1, headers.2, headers.3) + "\n"
        out += String(repeating: "=", count: w1 + w2 + w3 + headers.3.count + 6) + "\n"
        for row in rows { out += line(row.path, row.device, row.class, row.description) + "\n" }
        return out
    }

    /// lshw's `asString`: the product (not for memory), else the description; sizes in front for memory,
    /// storage, disks and volumes.
    static func summary(_ node: HardwareNode) -> String {
        var text = node.class != "memory" ? node.product ?? "" : ""
        if text.isEmpty { text = node.description ?? "" }
        if ["memory", "disk", "storage", "volume"].contains(node.class) {
            let size = node.class == "memory" ? node.size : node.capacity ?? node.size
            if let size, size > 0 {
                text = (node.class == "disk" ? decimalKilos(size) + "B" : kilobytes(size)) + " " + text
            }
        }
        return text
    }

    static func kilobytes(_ value: UInt64) -> String {
        var value = value
        var index = 0
        let prefixes = Array("KMGTPEZY")
        while index < prefixes.count && (value > 10240 || value % 1024 == 0) && value > 0 {
            value >>= 10
            index += 1
        }
        return "\(value)" + (index > 0 ? String(prefixes[index - 1]) : "") + "iB"
    }

    static func decimalKilos(_ value: UInt64) -> String {
        var value = value
        var index = 0
        let prefixes = Array("KMGTPEZY")
        while index < prefixes.count && (value > 10000 || value % 1000 == 0) && value > 0 {
            value /= 1000
            index += 1
        }
        return "\(value)" + (index > 0 ? String(prefixes[index - 1]) : "")
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
