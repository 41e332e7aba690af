/// An RTM_NEWLINK message: one network interface of the namespace.
struct NetlinkLink: Sendable, Equatable {
    var index: Int32
    var name: String?
    var address: [UInt8]?
    var mtu: UInt32?

    static let messageType: UInt16 = 16
    static let requestType: UInt16 = 18
    /// `struct ifinfomsg`.
    static let familyHeaderLength = 16

    // linux/if_link.h
    static let attributeAddress: UInt16 = 1
    static let attributeName: UInt16 = 3
    static let attributeMTU: UInt16 = 4

    init(index: Int32, name: String?, address: [UInt8]? = nil, mtu: UInt32? = nil) {
        self.index = index
        self.name = name
        self.address = address
        self.mtu = mtu
    }

    init?(_ message: NetlinkMessage) {
        guard message.type == Self.messageType, let index = NativeBytes.load(message.payload, at: 4, as: Int32.self)
        else { return nil }
        self.index = index
        for attribute in NetlinkAttribute.parse(message.payload, from: Self.familyHeaderLength) {
            switch attribute.type {
            case Self.attributeName: name = attribute.string
            case Self.attributeAddress: address = attribute.value
            case Self.attributeMTU: mtu = attribute.uint32
            default: break
            }
        }
    }
}
