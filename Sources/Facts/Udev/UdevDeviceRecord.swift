/// One device's entry in udev's database (`/run/udev/data/b8:0`, `c189:1`, `+pci:0000:00:02.0`, `n2`).
///
/// The file is plain text, one record per line: `E:KEY=VALUE` a property (ID_SERIAL_SHORT, ID_WWN, ...),
/// `S:disk/by-id/...` a symbolic link under /dev, and bookkeeping lines (`I:` init time, `G:`/`Q:` tags,
/// `V:` version, `W:` watch) that are not kept.
public struct UdevDeviceRecord: Sendable, Equatable {
    public var properties: [String: String]
    /// Links relative to /dev, in file order.
    public var links: [String]

    public init(properties: [String: String] = [:], links: [String] = []) {
        self.properties = properties
        self.links = links
    }

    public init(parsing text: String) {
        self.init()
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            guard line.count >= 2, line[line.index(after: line.startIndex)] == ":" else { continue }
            let value = line.dropFirst(2)
            switch line.first {
            case "E":
                guard let eq = value.firstIndex(of: "=") else { continue }
                properties[String(value[..<eq])] = String(value[value.index(after: eq)...])
            case "S":
                links.append(String(value))
            default:
                continue
            }
        }
    }

    public subscript(key: String) -> String? { properties[key] }
}
