/// An RTM_NEWADDR message: one address of one interface.
struct NetlinkAddress: Sendable, Equatable {
    var family: UInt8
    var prefixLength: UInt8
    /// IFA_FLAGS when the kernel sends it (32 bits), else the 8-bit `ifa_flags`.
    var flags: UInt32
    var scope: UInt8
    var index: UInt32
    /// IFA_ADDRESS: the address, or the peer's on a point-to-point link.
    var address: [UInt8]?
    /// IFA_LOCAL: the local address where it differs from IFA_ADDRESS (IPv4 only).
    var local: [UInt8]?
    var broadcast: [UInt8]?
    var label: String?

    static let messageType: UInt16 = 20
    static let requestType: UInt16 = 22
    /// `struct ifaddrmsg`.
    static let familyHeaderLength = 8

    init?(_ message: NetlinkMessage) {
        let p = message.payload
        guard message.type == Self.messageType, p.count >= Self.familyHeaderLength else { return nil }
        family = p[0]
        prefixLength = p[1]
        flags = UInt32(p[2])
        scope = p[3]
        index = NativeBytes.load(p, at: 4)!
        for attribute in NetlinkAttribute.parse(p, from: Self.familyHeaderLength) {
            switch attribute.type {
            case 1: address = attribute.value
            case 2: local = attribute.value
            case 3: label = attribute.string
            case 4: broadcast = attribute.value
            case 8: if let wide = attribute.uint32 { flags = wide }
            default: break
            }
        }
    }
}
