/// The `network` section: every interface under `class/net` of the sys root and, when that sysfs belongs
/// to the network namespace mkagent runs in, their addresses and the default routes.
public struct NetworkFacts: Sendable, Equatable, Codable {
    /// Ordered by interface index (names for interfaces without one).
    public var interfaces: [NetworkInterface]
    /// Empty when addresses and routes were not collected.
    public var defaultRoutes: [DefaultRoute]
    /// `netlink` when addresses and routes were read (route-netlink dumps of mkagent's own network
    /// namespace); absent when they were left out — a diagnostic says why.
    public var addressesSource: String?

    public init(interfaces: [NetworkInterface] = [], defaultRoutes: [DefaultRoute] = [], addressesSource: String? = nil) {
        self.interfaces = interfaces
        self.defaultRoutes = defaultRoutes
        self.addressesSource = addressesSource
    }
}
