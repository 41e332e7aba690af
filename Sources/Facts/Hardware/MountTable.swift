/// `/proc/mounts` lines (`/dev/vda / ext4 rw,relatime 0 0`), for the mount points lshw lists as a disk's
/// or partition's extra logical names. Octal escapes (`\040` for a blank) are decoded.
public struct MountTable: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var source: String
        public var mountPoint: String
        public var fileSystem: String
        public var options: String
    }

    public var entries: [Entry]

    public init(parsing text: String) {
        entries = text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 4 else { return nil }
            return Entry(source: Self.unescape(fields[0]), mountPoint: Self.unescape(fields[1]),
                         fileSystem: String(fields[2]), options: String(fields[3]))
        }
    }

    /// Mounts of `/dev/NAME`, in table order.
    public func mounts(ofDevice name: String) -> [Entry] {
        entries.filter { $0.source == "/dev/" + name }
    }

    static func unescape(_ field: Substring) -> String {
        let bytes = Array(field.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\\"), i + 3 < bytes.count,
               let value = UInt8(String(decoding: bytes[i + 1...i + 3], as: UTF8.self), radix: 8) {
                out.append(value)
                i += 4
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
