/// One neighbour heard on a local interface: what its last LLDP (or CDP) frame said.
public struct LLDPNeighbor: Sendable, Equatable, Codable {
    public struct Chassis: Sendable, Equatable, Codable {
        public var id: String
        /// `mac`, `ip`, `ifname`, `ifalias`, `local`, `chassis-component`, `port-component` or `unknown`.
        public var subtype: String
        public var subtypeCode: UInt8
    }

    public struct Port: Sendable, Equatable, Codable {
        public var id: String
        /// `mac`, `ip`, `ifname`, `ifalias`, `local`, `port-component`, `agent-circuit-id` or `unknown`.
        public var subtype: String
        public var subtypeCode: UInt8
        public var description: String?
    }

    public struct VLANs: Sendable, Equatable, Codable {
        public var portVlanId: UInt16?
        public var vlans: [LLDPVLANName]
        public var protocolVlans: [LLDPProtocolVLAN]
    }

    public struct MED: Sendable, Equatable, Codable {
        public var deviceType: String?
        public var capabilities: [String]?
        public var policies: [LLDPMEDNetworkPolicy]
        public var locations: [LLDPMEDLocation]
        public var power: LLDPMEDPower?
        public var inventory: [String: String]
    }

    public struct UnknownTLV: Sendable, Equatable, Codable {
        public var type: UInt8
        /// `00-80-c2` for organizationally specific TLVs.
        public var oui: String?
        public var subtype: UInt8?
        /// The TLV's information bytes (after OUI and subtype), hex.
        public var data: String
    }

    /// CDP only: what CDP says that LLDP has no place for.
    public struct CDPDetails: Sendable, Equatable, Codable {
        public var version: UInt8
        public var platform: String?
        public var duplex: String?
        public var vtpDomain: String?
        public var capabilities: [String]
    }

    /// `lldp` or `cdp`.
    public var `protocol`: String
    /// RFC 3339 UTC time the frame was received (or the capture's timestamp).
    public var seenAt: String?
    public var sourceMac: String
    public var ttlSeconds: Int?
    public var chassis: Chassis
    public var port: Port
    public var systemName: String?
    public var systemDescription: String?
    public var capabilities: LLDPCapabilities?
    public var managementAddresses: [LLDPManagementAddress]
    public var vlans: VLANs?
    /// Maximum frame size (802.3), in bytes.
    public var mtu: Int?
    public var linkAggregation: LLDPLinkAggregation?
    public var macPhy: LLDPMACPHY?
    public var power: LLDPPowerViaMDI?
    public var med: MED?
    public var protocolIdentities: [String]?
    public var unknownTlvs: [UnknownTLV]?
    public var cdp: CDPDetails?
}
