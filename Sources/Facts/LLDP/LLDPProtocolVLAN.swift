/// Port and protocol VLAN ID (802.1Q Annex D.2.2).
public struct LLDPProtocolVLAN: Sendable, Equatable, Codable {
    public var id: UInt16
    public var supported: Bool
    public var enabled: Bool
    public var flags: UInt8

    public init(flags: UInt8, id: UInt16) {
        self.flags = flags
        self.id = id
        supported = flags & 0x02 != 0
        enabled = flags & 0x04 != 0
    }
}
