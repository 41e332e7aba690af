/// The `lldp` section: the neighbours heard on each local interface during one listening window.
public struct LLDPFacts: Sendable, Equatable, Codable {
    /// Neighbours by local interface name; an interface listened on without hearing anything has an empty list.
    public var interfaces: [String: [LLDPNeighbor]]
    /// The interfaces listened on, sorted.
    public var listened: [String]
    /// Interfaces that were down and brought up for listening (`--lldp-ifup`), then put back down.
    public var broughtUp: [String]?
    /// How long mkagent listened, in milliseconds.
    public var durationMs: Int?

    public init(interfaces: [String: [LLDPNeighbor]] = [:], listened: [String] = [], broughtUp: [String]? = nil, durationMs: Int? = nil) {
        self.interfaces = interfaces
        self.listened = listened
        self.broughtUp = broughtUp
        self.durationMs = durationMs
    }
}
