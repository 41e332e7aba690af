/// How long and where to listen for LLDP and CDP neighbours.
public struct LLDPListenOptions: Sendable, Equatable {
    /// The longest the listener waits; it returns sooner once every interface has been heard from.
    /// 35 s: the usual 30 s transmit interval plus slack.
    public var timeoutSeconds: Double
    /// Bring interfaces that are down up for the window (and down again after): a provisioning
    /// microkernel's NICs often start down.
    public var bringUpInterfaces: Bool
    /// Listen only on these interfaces; nil for every up, non-loopback Ethernet interface.
    public var interfaces: [String]?

    public static let defaultTimeoutSeconds = 35.0

    public init(timeoutSeconds: Double = LLDPListenOptions.defaultTimeoutSeconds, bringUpInterfaces: Bool = false, interfaces: [String]? = nil) {
        self.timeoutSeconds = timeoutSeconds
        self.bringUpInterfaces = bringUpInterfaces
        self.interfaces = interfaces
    }
}
