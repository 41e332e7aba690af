/// One structure decoded into the lines dmidecode prints for it.
///
/// This is the human (and RackHD `dmi` catalog) view of a structure; `DMITextRenderer` turns it into
/// dmidecode's exact text and the JSON facts keep it for structure types that have no typed model.
public struct DMIRecord: Sendable, Equatable {
    public var handle: UInt16
    public var type: UInt8
    /// The length printed in the `Handle` line (the structure's length before any fix-up).
    public var length: Int
    public var lines: [DMILine]
    /// True when no decoder knew the structure and `lines` are its raw dump.
    public var isRaw: Bool

    public init(handle: UInt16, type: UInt8, length: Int, lines: [DMILine], isRaw: Bool = false) {
        self.handle = handle
        self.type = type
        self.length = length
        self.lines = lines
        self.isRaw = isRaw
    }

    /// The first title line ("BIOS Information", "OEM-specific Type").
    public var title: String? {
        for line in lines { if case .title(let t) = line { return t } }
        return nil
    }
}

/// A line of dmidecode's text output, one case per dmidecode output primitive.
public enum DMILine: Sendable, Equatable {
    /// A line without indent: the structure's name (`pr_handle_name`, `pr_info`).
    case title(String)
    /// `\tName: value` (`pr_attr`).
    case attr(String, String)
    /// `\t\tName: value` (`pr_subattr`).
    case subattr(String, String)
    /// `\tName:` or `\tName: value`, followed by items (`pr_list_start`).
    case listStart(String, String?)
    /// `\t\tvalue` (`pr_list_item`).
    case listItem(String)
    /// `\tmessage` (`pr_struct_err`): a note about a malformed structure.
    case error(String)
}

/// Collects the lines of one record; the decoders' only output.
public struct DMILines: Sendable {
    public private(set) var lines: [DMILine] = []

    public init() {}

    public mutating func title(_ text: String) { lines.append(.title(text)) }
    public mutating func attr(_ name: String, _ value: String) { lines.append(.attr(name, value)) }
    public mutating func subattr(_ name: String, _ value: String) { lines.append(.subattr(name, value)) }
    public mutating func listStart(_ name: String, _ value: String? = nil) { lines.append(.listStart(name, value)) }
    public mutating func listItem(_ text: String) { lines.append(.listItem(text)) }
    public mutating func error(_ text: String) { lines.append(.error(text)) }

    /// A list (`Name:` then one item per line).
    public mutating func list(_ name: String, _ items: [String]) {
        listStart(name)
        for item in items { listItem(item) }
    }

    public mutating func append(contentsOf other: DMILines) { lines.append(contentsOf: other.lines) }
}
