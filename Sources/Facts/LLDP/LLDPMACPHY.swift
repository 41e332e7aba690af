/// MAC/PHY configuration/status (IEEE 802.3 clause 79.3.1): auto-negotiation, advertised PMD
/// capabilities and the operational MAU type.
public struct LLDPMACPHY: Sendable, Equatable, Codable {
    public var autonegotiationSupported: Bool
    public var autonegotiationEnabled: Bool
    /// ifMauAutoNegCapAdvertisedBits (RFC 3636) as sent: bit 0 of the MIB is the most significant bit.
    public var advertisedBits: UInt16
    /// Names of the advertised capabilities, in RFC 3636 order.
    public var advertised: [String]
    public var mauType: UInt16
    /// `100BaseTXFD`; nil for a MAU type not in the IANA table.
    public var mauTypeName: String?

    public init(autonegotiation: UInt8, advertised: UInt16, mauType: UInt16) {
        autonegotiationSupported = autonegotiation & 0x01 != 0
        autonegotiationEnabled = autonegotiation & 0x02 != 0
        advertisedBits = advertised
        self.advertised = Self.capabilityNames.enumerated()
            .filter { advertised & (0x8000 >> $0.offset) != 0 }.map(\.element)
        self.mauType = mauType
        mauTypeName = MAUType.name(mauType)
    }

    /// RFC 3636 ifMauAutoNegCapAdvertisedBits, bit 0 (0x8000 on the wire) first.
    public static let capabilityNames = [
        "other", "10baseT", "10baseTFD", "100baseT4", "100baseTX", "100baseTXFD", "100baseT2", "100baseT2FD",
        "fdxPause", "fdxAPause", "fdxSPause", "fdxBPause", "1000baseX", "1000baseXFD", "1000baseT", "1000baseTFD",
    ]
}
