/// The links, addresses and routes of this process's network namespace, read with three dumps.
struct RouteNetlinkDump: Sendable {
    var links: [NetlinkLink]
    var addresses: [NetlinkAddress]
    var routes: [NetlinkRoute]

    static func read() throws(NetlinkError) -> RouteNetlinkDump {
        let links = try NetlinkSocket.dump(
            type: NetlinkLink.requestType, familyHeaderLength: NetlinkLink.familyHeaderLength, sequence: 1)
        let addresses = try NetlinkSocket.dump(
            type: NetlinkAddress.requestType, familyHeaderLength: NetlinkAddress.familyHeaderLength, sequence: 2)
        let routes = try NetlinkSocket.dump(
            type: NetlinkRoute.requestType, familyHeaderLength: NetlinkRoute.familyHeaderLength, sequence: 3)
        return RouteNetlinkDump(
            links: links.compactMap(NetlinkLink.init),
            addresses: addresses.compactMap(NetlinkAddress.init),
            routes: routes.compactMap(NetlinkRoute.init))
    }
}
