/// A default route of the main routing table (`ip route show default`, `ip -6 route show default`).
/// A multipath default route gives one entry per next hop.
public struct DefaultRoute: Sendable, Equatable, Codable {
    /// `inet` or `inet6`.
    public var family: String
    /// Absent for a route straight onto a link (`default dev ppp0`).
    public var gateway: String?
    public var interface: String?
    /// RTA_PRIORITY; absent when 0 (as `ip` leaves it out).
    public var metric: Int?
    /// Who installed it: `dhcp`, `static`, `boot` (by hand or a script), `ra` (IPv6 router advertisement), ...
    public var `protocol`: String

    public init(family: String, gateway: String?, interface: String?, metric: Int?, protocol: String) {
        self.family = family
        self.gateway = gateway
        self.interface = interface
        self.metric = metric
        self.protocol = `protocol`
    }

    /// The entries of one route, with interface names from `names` (index to name).
    static func entries(_ route: NetlinkRoute, names: [Int32: String]) -> [DefaultRoute] {
        route.nextHops.map { hop in
            DefaultRoute(
                family: IPAddressText.familyName(route.family),
                gateway: hop.gateway.flatMap { IPAddressText.format(family: hop.gatewayFamily ?? route.family, $0) },
                interface: hop.interfaceIndex.flatMap { names[$0] },
                metric: route.priority.flatMap { $0 == 0 ? nil : Int($0) },
                protocol: NetworkNames.routeProtocol(route.protocolCode))
        }
    }
}
