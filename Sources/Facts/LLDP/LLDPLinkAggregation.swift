/// Link aggregation status (802.1AX / 802.1Q Annex D.2.7, formerly 802.3 subtype 3).
public struct LLDPLinkAggregation: Sendable, Equatable, Codable {
    public var supported: Bool
    public var enabled: Bool
    /// ifIndex of the aggregation the port belongs to; 0 when not aggregated.
    public var portID: UInt32
    public var status: UInt8

    public init(status: UInt8, portID: UInt32) {
        self.status = status
        self.portID = portID
        supported = status & 0x01 != 0
        enabled = status & 0x02 != 0
    }
}
