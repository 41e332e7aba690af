#if canImport(Glibc)
import Glibc
#endif

/// Request bodies on disk until the server acknowledges them: at-least-once delivery across server outages
/// and agent restarts (Hanlon registrations, RackHD task results).
///
/// Layout of the directory: `pending-<sequence>-<digest>.json`, one per body not yet acknowledged (the exact
/// request body), delivered oldest first; `acknowledged`, the digest (and sequence) of the last body the
/// server answered with a 2xx. A body is written (temporary file, fsync, rename) before it is sent and
/// removed only after its acknowledgment, so a crash between the two resends it once; nothing acknowledged
/// is sent again unless the server asks (Hanlon's `register`).
struct DeliverySpool {
    struct Pending: Equatable {
        var sequence: Int
        var digest: String
        var path: String
    }

    typealias Failure = AgentFiles.Failure

    let directory: String

    init(directory: String) throws(Failure) {
        self.directory = directory
        try AgentFiles.makeDirectories(directory, purpose: "spool directory")
    }

    /// `acknowledged` holds `<digest> <sequence>`: the sequence keeps numbering on after the queue empties.
    private var acknowledged: (digest: String, sequence: Int)? {
        guard let text = AgentFiles.read(directory + "/acknowledged") else { return nil }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard let digest = words.first else { return nil }
        return (String(digest), words.count > 1 ? Int(words[1]) ?? 0 : 0)
    }

    var acknowledgedDigest: String? { acknowledged?.digest }

    var pending: [Pending] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var result: [Pending] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name.hasPrefix("pending-"), name.hasSuffix(".json") else { continue }
            let parts = name.dropFirst("pending-".count).dropLast(".json".count).split(separator: "-")
            guard parts.count == 2, let sequence = Int(parts[0]) else { continue }
            result.append(Pending(sequence: sequence, digest: String(parts[1]), path: directory + "/" + name))
        }
        return result.sorted { $0.sequence < $1.sequence }
    }

    /// Spools `body` unless it is what was last spooled or acknowledged (`force`: the server asked for a
    /// registration, so one is queued even for unchanged facts — unless one is already waiting).
    @discardableResult
    func collect(_ body: [UInt8], force: Bool = false) throws(Failure) -> Pending? {
        let digest = Self.digest(body)
        let queue = pending
        if force {
            if !queue.isEmpty { return nil }
        } else if (queue.last?.digest ?? acknowledgedDigest) == digest {
            return nil
        }
        return try enqueue(body, digest: digest, after: queue)
    }

    /// Spools `body` whatever was sent before: every task result is delivered, even one equal to the last.
    @discardableResult
    func enqueue(_ body: [UInt8]) throws(Failure) -> Pending {
        try enqueue(body, digest: Self.digest(body), after: pending)
    }

    private func enqueue(_ body: [UInt8], digest: String, after queue: [Pending]) throws(Failure) -> Pending {
        let sequence = max(queue.last?.sequence ?? 0, acknowledged?.sequence ?? 0) + 1
        let name = "pending-\(Self.pad(sequence))-\(digest).json"
        try AgentFiles.writeAtomically(directory + "/" + name, body)
        return Pending(sequence: sequence, digest: digest, path: directory + "/" + name)
    }

    func body(of item: Pending) -> [UInt8]? {
        AgentFiles.readBytes(item.path)
    }

    /// The server answered 2xx for `item`.
    func acknowledge(_ item: Pending) throws(Failure) {
        try AgentFiles.writeAtomically(directory + "/acknowledged", Array("\(item.digest) \(item.sequence)\n".utf8))
        unlink(item.path)
    }

    /// FNV-1a, 64 bits: a change detector for request bodies, not a security measure.
    static func digest(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    private static func pad(_ n: Int) -> String {
        let text = String(n)
        return String(repeating: "0", count: max(0, 10 - text.count)) + text
    }
}
