/// LLDP-MED network policy (TIA-1057 10.2.3): the VLAN, priority and DSCP an application should use.
public struct LLDPMEDNetworkPolicy: Sendable, Equatable, Codable {
    public var applicationType: UInt8
    public var application: String
    /// The U bit: the policy is not yet known (the other fields are then meaningless).
    public var unknown: Bool
    /// The T bit: frames are tagged with `vlanID`.
    public var tagged: Bool
    public var vlanID: UInt16
    public var priority: UInt8
    public var dscp: UInt8

    /// `bits` holds the 24 bits after the application type: U, T, X, VLAN ID (12), L2 priority (3), DSCP (6).
    public init(applicationType: UInt8, bits: UInt32) {
        self.applicationType = applicationType
        application = applicationType < Self.applications.count ? Self.applications[Int(applicationType)] : "type \(applicationType)"
        unknown = bits & 0x800000 != 0
        tagged = bits & 0x400000 != 0
        vlanID = UInt16(bits >> 9 & 0x0FFF)
        priority = UInt8(bits >> 6 & 0x07)
        dscp = UInt8(bits & 0x3F)
    }

    public static let applications = [
        "reserved", "voice", "voice-signaling", "guest-voice", "guest-voice-signaling", "softphone-voice",
        "video-conferencing", "streaming-video", "video-signaling",
    ]
}
