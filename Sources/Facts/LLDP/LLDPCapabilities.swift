/// System capabilities (802.1AB 8.5.8): what the neighbour can be and what it has enabled.
public struct LLDPCapabilities: Sendable, Equatable, Codable {
    /// Names of the supported capabilities, lowest bit first.
    public var supported: [String]
    public var enabled: [String]
    public var supportedBits: UInt16
    public var enabledBits: UInt16

    public init(supportedBits: UInt16, enabledBits: UInt16) {
        self.supportedBits = supportedBits
        self.enabledBits = enabledBits
        supported = Self.names(supportedBits)
        enabled = Self.names(enabledBits)
    }

    /// Bit 0 first (IEEE 802.1AB-2016 Table 8-4).
    public static let bitNames = [
        "other", "repeater", "bridge", "wlan-access-point", "router", "telephone", "docsis-cable-device",
        "station", "c-vlan", "s-vlan", "two-port-mac-relay",
    ]

    static func names(_ bits: UInt16) -> [String] {
        (0..<16).filter { bits & (1 << $0) != 0 }.map { $0 < bitNames.count ? bitNames[$0] : "bit\($0)" }
    }
}
