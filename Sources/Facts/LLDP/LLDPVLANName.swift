/// A VLAN the port is a member of, with its name (802.1Q Annex D.2.3).
public struct LLDPVLANName: Sendable, Equatable, Codable {
    public var id: UInt16
    public var name: String

    public init(id: UInt16, name: String) {
        self.id = id
        self.name = name
    }
}
