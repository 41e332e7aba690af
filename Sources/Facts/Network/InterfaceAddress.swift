/// One IPv4 or IPv6 address of an interface, from an RTM_NEWADDR dump.
public struct InterfaceAddress: Sendable, Equatable, Codable {
    /// `inet` or `inet6`.
    public var family: String
    public var address: String
    public var prefixLength: Int
    /// `global`, `link`, `host`, `site`.
    public var scope: String
    public var broadcast: String?
    /// The other end of a point-to-point link.
    public var peer: String?
    /// `secondary`, `temporary`, `tentative`, `deprecated`, `permanent`, `noprefixroute`, ...
    public var flags: [String]?

    public init(family: String, address: String, prefixLength: Int, scope: String) {
        self.family = family
        self.address = address
        self.prefixLength = prefixLength
        self.scope = scope
    }

    init?(_ message: NetlinkAddress) {
        guard let primary = message.local ?? message.address,
              let text = IPAddressText.format(family: message.family, primary) else { return nil }
        family = IPAddressText.familyName(message.family)
        address = text
        prefixLength = Int(message.prefixLength)
        scope = NetworkNames.scope(message.scope)
        broadcast = message.broadcast.flatMap { IPAddressText.format(family: message.family, $0) }
        if let local = message.local, let remote = message.address, local != remote {
            peer = IPAddressText.format(family: message.family, remote)
        }
        let names = NetworkNames.addressFlags(message.flags, family: message.family)
        flags = names.isEmpty ? nil : names
    }
}
