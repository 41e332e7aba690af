/// One netlink message (`struct nlmsghdr` and what follows it), and the framing of a datagram.
struct NetlinkMessage: Sendable, Equatable {
    var type: UInt16
    var flags: UInt16
    var sequence: UInt32
    var portID: UInt32
    /// Everything after the 16-byte header, up to the length the header gives.
    var payload: [UInt8]

    static let headerLength = 16

    // linux/netlink.h
    static let done: UInt16 = 3
    static let error: UInt16 = 2
    static let flagRequest: UInt16 = 0x01
    static let flagMulti: UInt16 = 0x02
    static let flagDumpInterrupted: UInt16 = 0x10
    static let flagDump: UInt16 = 0x300

    /// The messages of one datagram. Framing errors (a length shorter than the header or past the end)
    /// stop the split and are returned as the problem.
    static func split(_ bytes: [UInt8]) -> (messages: [NetlinkMessage], problem: String?) {
        var messages: [NetlinkMessage] = []
        var offset = 0
        while offset + headerLength <= bytes.count {
            let length = Int(NativeBytes.load(bytes, at: offset, as: UInt32.self)!)
            guard length >= headerLength, offset + length <= bytes.count else {
                return (messages, "message at offset \(offset) claims \(length) bytes, \(bytes.count - offset) left")
            }
            messages.append(NetlinkMessage(
                type: NativeBytes.load(bytes, at: offset + 4)!,
                flags: NativeBytes.load(bytes, at: offset + 6)!,
                sequence: NativeBytes.load(bytes, at: offset + 8)!,
                portID: NativeBytes.load(bytes, at: offset + 12)!,
                payload: Array(bytes[offset + headerLength..<offset + length])))
            offset += align(length)
        }
        if offset < bytes.count && offset + headerLength > bytes.count {
            return (messages, "\(bytes.count - offset) trailing bytes, too few for a message header")
        }
        return (messages, nil)
    }

    /// A dump request: the header and a zeroed family header whose first byte is `family`.
    static func dumpRequest(type: UInt16, sequence: UInt32, familyHeaderLength: Int, family: UInt8) -> [UInt8] {
        var body = [UInt8](repeating: 0, count: familyHeaderLength)
        body[0] = family
        return NativeBytes.encode(UInt32(headerLength + body.count))
            + NativeBytes.encode(type)
            + NativeBytes.encode(flagRequest | flagDump)
            + NativeBytes.encode(sequence)
            + NativeBytes.encode(UInt32(0))
            + body
    }

    /// NLMSG_ALIGN / RTA_ALIGN: 4 bytes.
    static func align(_ length: Int) -> Int {
        (length + 3) & ~3
    }
}
