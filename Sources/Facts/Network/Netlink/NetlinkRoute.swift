/// An RTM_NEWROUTE message, reduced to what a default route needs.
struct NetlinkRoute: Sendable, Equatable {
    struct NextHop: Sendable, Equatable {
        var gateway: [UInt8]?
        /// The gateway's own family when it differs from the route's (RTA_VIA: IPv4 via IPv6).
        var gatewayFamily: UInt8?
        var interfaceIndex: Int32?
    }

    var family: UInt8
    var destinationLength: UInt8
    var table: UInt32
    var protocolCode: UInt8
    var scope: UInt8
    var type: UInt8
    var destination: [UInt8]?
    var priority: UInt32?
    /// One entry for a plain route, several for a multipath (ECMP) route.
    var nextHops: [NextHop]

    static let messageType: UInt16 = 24
    static let requestType: UInt16 = 26
    /// `struct rtmsg`.
    static let familyHeaderLength = 12
    static let mainTable: UInt32 = 254
    static let unicast: UInt8 = 1

    init?(_ message: NetlinkMessage) {
        let p = message.payload
        guard message.type == Self.messageType, p.count >= Self.familyHeaderLength else { return nil }
        family = p[0]
        destinationLength = p[1]
        table = UInt32(p[4])
        protocolCode = p[5]
        scope = p[6]
        type = p[7]
        var single = NextHop()
        var multipath: [NextHop] = []
        for attribute in NetlinkAttribute.parse(p, from: Self.familyHeaderLength) {
            switch attribute.type {
            case 1: destination = attribute.value
            case 4: single.interfaceIndex = NativeBytes.load(attribute.value, at: 0)
            case 5: single.gateway = attribute.value
            case 6: priority = attribute.uint32
            case 9: multipath = Self.nextHops(attribute.value)
            case 15: if let wide = attribute.uint32 { table = wide }
            case 18: (single.gatewayFamily, single.gateway) = Self.via(attribute.value)
            default: break
            }
        }
        nextHops = multipath.isEmpty ? [single] : multipath
    }

    var isDefault: Bool {
        destinationLength == 0 && table == Self.mainTable && type == Self.unicast
    }

    /// RTA_MULTIPATH: `struct rtnexthop` records (length, flags, hops, ifindex) each followed by attributes.
    static func nextHops(_ bytes: [UInt8]) -> [NextHop] {
        var hops: [NextHop] = []
        var offset = 0
        while offset + 8 <= bytes.count {
            let length = Int(NativeBytes.load(bytes, at: offset, as: UInt16.self)!)
            guard length >= 8, offset + length <= bytes.count else { break }
            var hop = NextHop(interfaceIndex: NativeBytes.load(bytes, at: offset + 4))
            for attribute in NetlinkAttribute.parse(bytes[offset + 8..<offset + length]) {
                if attribute.type == 5 { hop.gateway = attribute.value }
                if attribute.type == 18 { (hop.gatewayFamily, hop.gateway) = via(attribute.value) }
            }
            hops.append(hop)
            offset += NetlinkMessage.align(length)
        }
        return hops
    }

    /// RTA_VIA: `struct rtvia` (a 16-bit address family, then the address).
    static func via(_ bytes: [UInt8]) -> (UInt8?, [UInt8]?) {
        guard let family = NativeBytes.load(bytes, at: 0, as: UInt16.self) else { return (nil, nil) }
        return (UInt8(truncatingIfNeeded: family), Array(bytes.dropFirst(2)))
    }
}
