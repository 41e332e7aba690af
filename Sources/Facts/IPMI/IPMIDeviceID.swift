/// Get Device ID (App netfn, cmd 0x01; IPMI 2.0 section 20.1): what `ipmitool mc info` shows.
public struct IPMIDeviceID: Sendable, Equatable, Codable {
    public var deviceID: UInt8
    public var deviceRevision: UInt8
    public var providesDeviceSdrs: Bool
    /// False while the firmware is being updated or the device otherwise cannot take requests.
    public var deviceAvailable: Bool
    public var firmwareMajor: UInt8
    /// BCD, as the device sends it (0x31 is minor revision 31).
    public var firmwareMinor: UInt8
    /// "2.31": ipmitool's `%u.%02x` of the two bytes.
    public var firmwareRevision: String
    /// "2.0".
    public var ipmiVersion: String
    /// The IANA private enterprise number.
    public var manufacturerID: UInt32
    public var manufacturerName: String
    public var productID: UInt16
    public var additionalDeviceSupport: [String]
    /// The four optional auxiliary firmware revision bytes, when the device sends them.
    public var auxFirmwareRevision: [UInt8]?

    public static let request = IPMIRequest(netFn: IPMIRequest.netFnApp, command: 0x01)

    /// The bits of the additional device support byte, bit 0 first (IPMI 2.0 table 20-2), named as ipmitool names them.
    public static let supportNames = [
        "Sensor Device", "SDR Repository Device", "SEL Device", "FRU Inventory Device",
        "IPMB Event Receiver", "IPMB Event Generator", "Bridge", "Chassis Device",
    ]

    public init(response data: [UInt8], manufacturers: IPMIManufacturers = .builtIn) throws(IPMIError) {
        guard data.count >= 11 else {
            throw .malformed(what: "Get Device ID", detail: "response has \(data.count) data bytes, at least 11 expected")
        }
        deviceID = data[0]
        deviceRevision = data[1] & 0x0F
        providesDeviceSdrs = data[1] & 0x80 != 0
        deviceAvailable = data[2] & 0x80 == 0
        firmwareMajor = data[2] & 0x7F
        firmwareMinor = data[3]
        firmwareRevision = "\(firmwareMajor).\(IPMIHex.byte(firmwareMinor))"
        ipmiVersion = "\(String(data[4] & 0x0F, radix: 16)).\(String(data[4] >> 4, radix: 16))"
        additionalDeviceSupport = (0..<8).filter { data[5] & (1 << $0) != 0 }.map { Self.supportNames[$0] }
        manufacturerID = (UInt32(data[6]) | UInt32(data[7]) << 8 | UInt32(data[8]) << 16) & 0x0F_FFFF
        manufacturerName = manufacturers.name(manufacturerID)
        productID = UInt16(data[9]) | UInt16(data[10]) << 8
        auxFirmwareRevision = data.count >= 15 ? Array(data[11..<15]) : nil
    }
}
