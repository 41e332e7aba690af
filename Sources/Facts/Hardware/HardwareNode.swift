/// One node of the device tree in the shape of `lshw -json`: the system at the root, the motherboard
/// (`core`) below it, then firmware, processors, memory and PCI bridges, and the devices behind them.
///
/// Keys are lshw's: they are already lower-case without word breaks, so the facts' snake_case encoding
/// leaves them as they are. `units` follows from the class when `size` or `capacity` is set, as in lshw.
public struct HardwareNode: Sendable, Equatable, Codable {
    public var id: String
    public var `class`: String
    public var disabled: Bool?
    public var claimed: Bool?
    public var handle: String?
    public var description: String?
    public var product: String?
    public var vendor: String?
    public var physid: String?
    public var businfo: String?
    public var logicalname: LogicalNames?
    public var dev: String?
    public var version: String?
    public var date: String?
    public var serial: String?
    public var slot: String?
    public var units: String?
    public var size: UInt64?
    public var capacity: UInt64?
    public var width: Int?
    public var clock: UInt64?
    public var configuration: [String: String]?
    public var capabilities: Capabilities?
    public var children: [HardwareNode]?

    public init(id: String, class nodeClass: String) {
        self.id = id
        self.class = nodeClass
    }

    /// lshw prints one logical name as a string and several as an array.
    public enum LogicalNames: Sendable, Equatable, Codable {
        case one(String)
        case many([String])

        public var all: [String] {
            switch self {
            case .one(let name): return [name]
            case .many(let names): return names
            }
        }

        public init(_ names: [String]) {
            self = names.count == 1 ? .one(names[0]) : .many(names)
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let name = try? container.decode(String.self) {
                self = .one(name)
            } else {
                self = .many(try container.decode([String].self))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .one(let name): try container.encode(name)
            case .many(let names): try container.encode(names)
            }
        }
    }

    /// Capabilities in the order they were found: a description, or `true` for those without one.
    public struct Capabilities: Sendable, Equatable, Codable {
        public var entries: [(name: String, description: String?)]

        public init(_ entries: [(name: String, description: String?)] = []) {
            self.entries = entries
        }

        public var isEmpty: Bool { entries.isEmpty }
        public var names: [String] { entries.map(\.name) }

        /// Adds a capability unless present; the name is cleaned as lshw cleans ids (`bus master` →
        /// `bus_master`).
        public mutating func add(_ name: String, _ description: String? = nil) {
            let id = HardwareNode.cleanID(name)
            guard !id.isEmpty, !entries.contains(where: { $0.name == id }) else { return }
            entries.append((id, description))
        }

        /// Equal when they hold the same capabilities with the same descriptions, in any order: a JSON object
        /// has no order, and decoding one does not keep it.
        public static func == (a: Self, b: Self) -> Bool {
            guard a.entries.count == b.entries.count else { return false }
            let other = Dictionary(b.entries.map { ($0.name, $0.description) }, uniquingKeysWith: { x, _ in x })
            return a.entries.allSatisfy { entry in other[entry.name].map { $0 == entry.description } ?? false }
        }

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            entries = try container.allKeys.map { key in
                if let text = try? container.decode(String.self, forKey: key) { return (key.stringValue, text) }
                _ = try container.decode(Bool.self, forKey: key)
                return (key.stringValue, nil)
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for entry in entries {
                if let description = entry.description {
                    try container.encode(description, forKey: Key(stringValue: entry.name))
                } else {
                    try container.encode(true, forKey: Key(stringValue: entry.name))
                }
            }
        }
    }

    /// lshw's `cleanupId`: lower case, and `_` for anything but letters, digits and `_.:-`.
    public static func cleanID(_ text: String) -> String {
        String(text.trimmed().lowercased().map { character -> Character in
            guard character.isASCII, let ascii = character.asciiValue else { return "_" }
            switch ascii {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return character
            case UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "-"): return character
            default: return "_"
            }
        })
    }
}
