/// A chassis ID or port ID: its subtype and the identifier as text.
///
/// `kind` uses lldpcli's words where it has them (`mac`, `ip`, `ifname`, `ifalias`, `local`) and
/// spells out the others (`chassis-component`, `port-component`, `agent-circuit-id`); identifiers that
/// are not text (MAC, network address, circuit ID, an unknown subtype) are shown as lldpcli shows them.
public struct LLDPIdentifier: Sendable, Equatable, Codable {
    public enum Role: Sendable { case chassis, port }

    public var subtype: UInt8
    public var kind: String
    public var value: String
    /// For network addresses: the IANA address family number of `value`.
    public var addressFamily: UInt8?

    public init(subtype: UInt8, kind: String, value: String, addressFamily: UInt8? = nil) {
        self.subtype = subtype
        self.kind = kind
        self.value = value
        self.addressFamily = addressFamily
    }

    /// Decodes a chassis ID (802.1AB 8.5.2) or port ID (8.5.3) TLV body: subtype byte, then the ID.
    init?(role: Role, body: [UInt8]) {
        guard let subtype = body.first else { return nil }
        let id = Array(body.dropFirst())
        self.subtype = subtype
        addressFamily = nil
        // The two tables differ only in where MAC, network address, interface name and local sit.
        let kind: String
        switch (role, subtype) {
        case (.chassis, 1): kind = "chassis-component"
        case (.chassis, 2), (.port, 1): kind = "ifalias"
        case (.chassis, 3), (.port, 2): kind = "port-component"
        case (.chassis, 4), (.port, 3): kind = "mac"
        case (.chassis, 5), (.port, 4): kind = "ip"
        case (.chassis, 6), (.port, 5): kind = "ifname"
        case (.port, 6): kind = "agent-circuit-id"
        case (.chassis, 7), (.port, 7): kind = "local"
        default: kind = "unknown"
        }
        self.kind = kind
        switch kind {
        case "mac", "agent-circuit-id", "unknown":
            value = hexBytes(id)
        case "ip":
            let family = id.first ?? 0
            addressFamily = family
            value = LLDPManagementAddress.text(family: family, address: Array(id.dropFirst())) ?? hexBytes(id)
        default:
            value = protocolString(id)
        }
    }
}
