/// LLDP-MED capabilities (TIA-1057 10.2.2): which MED TLVs the device sends and its device class.
public struct LLDPMEDCapabilities: Sendable, Equatable, Codable {
    public var capabilities: [String]
    public var capabilityBits: UInt16
    /// 1-3 endpoint classes I-III, 4 network connectivity device.
    public var deviceClass: UInt8
    public var deviceType: String

    public init(capabilities bits: UInt16, deviceClass: UInt8) {
        capabilityBits = bits
        capabilities = Self.names.enumerated().filter { bits & (1 << $0.offset) != 0 }.map(\.element)
        self.deviceClass = deviceClass
        switch deviceClass {
        case 1: deviceType = "Generic Endpoint (Class I)"
        case 2: deviceType = "Media Endpoint (Class II)"
        case 3: deviceType = "Communication Device Endpoint (Class III)"
        case 4: deviceType = "Network Connectivity Device"
        default: deviceType = "class \(deviceClass)"
        }
    }

    /// Bit 0 first.
    public static let names = ["capabilities", "network-policy", "location", "extended-power-pse", "extended-power-pd", "inventory"]
}
