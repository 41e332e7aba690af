/// LLDP-MED extended power via MDI (TIA-1057 10.2.5).
public struct LLDPMEDPower: Sendable, Equatable, Codable {
    /// 0 PSE, 1 PD (bits 7-6 of the first byte).
    public var powerType: UInt8
    public var deviceType: String
    public var powerSource: UInt8
    /// 0 unknown, 1 critical, 2 high, 3 low.
    public var powerPriority: UInt8
    public var priority: String
    public var milliwatts: Int

    public init(flags: UInt8, value: UInt16) {
        powerType = flags >> 6
        deviceType = powerType == 0 ? "PSE" : powerType == 1 ? "PD" : "reserved"
        powerSource = flags >> 4 & 0x03
        powerPriority = flags & 0x0F
        priority = ["unknown", "critical", "high", "low"][safe: Int(powerPriority)] ?? "priority \(powerPriority)"
        milliwatts = Int(value) * 100
    }
}

