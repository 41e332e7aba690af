/// Lexical path arithmetic for paths relative to a host root, so links read from a copied tree resolve
/// inside that tree instead of on the machine running the agent.
enum HostPath {
    /// `target` (read from a link that sits in `directory`) as a normalized path relative to the same
    /// root: `resolve("class/net", "../../devices/virtual/net/lo")` is `devices/virtual/net/lo`.
    /// An absolute target is taken relative to the root; `..` never climbs above it.
    static func resolve(_ directory: String, _ target: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : directory.split(separator: "/")
        for part in target.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// The last component: `devices/pci0000:00/0000:00:03.0` gives `0000:00:03.0`.
    static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The directory part: `class/net/eth0` gives `class/net`.
    static func parent(_ path: String) -> String {
        var parts = path.split(separator: "/")
        if !parts.isEmpty { parts.removeLast() }
        return parts.joined(separator: "/")
    }
}
