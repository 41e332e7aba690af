/// One route-netlink attribute (`struct rtattr`: length, type, value), and the walk over a run of them.
struct NetlinkAttribute: Sendable, Equatable {
    /// The type without the nested / byte-order flag bits.
    var type: UInt16
    var value: [UInt8]

    /// The attributes in `bytes`; a malformed one ends the walk (what came before is kept).
    static func parse(_ bytes: ArraySlice<UInt8>) -> [NetlinkAttribute] {
        var attributes: [NetlinkAttribute] = []
        var offset = 0
        while offset + 4 <= bytes.count {
            let length = Int(NativeBytes.load(bytes, at: offset, as: UInt16.self)!)
            let type = NativeBytes.load(bytes, at: offset + 2, as: UInt16.self)! & 0x3FFF
            guard length >= 4, offset + length <= bytes.count else { break }
            let start = bytes.startIndex + offset
            attributes.append(NetlinkAttribute(type: type, value: Array(bytes[start + 4..<start + length])))
            offset += NetlinkMessage.align(length)
        }
        return attributes
    }

    static func parse(_ bytes: [UInt8], from offset: Int) -> [NetlinkAttribute] {
        offset <= bytes.count ? parse(bytes[offset...]) : []
    }

    var uint32: UInt32? { NativeBytes.load(value, at: 0) }

    /// A NUL-terminated string value.
    var string: String {
        String(decoding: value.prefix { $0 != 0 }, as: UTF8.self)
    }
}
