/// One LAN channel's configuration (Get LAN Configuration Parameters, Transport netfn cmd 0x02; IPMI 2.0
/// section 23.2, table 23-4): what `ipmitool lan print N` shows.
public struct IPMILANConfiguration: Sendable, Equatable, Codable {
    public var channel: UInt8
    /// static, dhcp, bios, other, unspecified.
    public var ipAddressSource: String?
    public var ipAddress: String?
    public var subnetMask: String?
    public var macAddress: String?
    public var defaultGatewayIP: String?
    public var defaultGatewayMAC: String?
    public var backupGatewayIP: String?
    public var backupGatewayMAC: String?
    /// The 802.1q VLAN id, nil when VLAN tagging is disabled.
    public var vlanID: UInt16?
    public var vlanPriority: UInt8?
    /// Authentication types the channel supports (parameter 1).
    public var authTypeSupport: [String]?
    /// Enabled authentication types by privilege level: callback, user, operator, admin, oem (parameter 2).
    public var authTypeEnables: [String: [String]]?
    /// Cipher suite ids the channel supports (parameter 23).
    public var cipherSuites: [UInt8]?
    /// The maximum privilege of each cipher suite, one letter each as ipmitool prints them (parameter 24).
    public var cipherSuitePrivileges: String?

    public init(channel: UInt8) { self.channel = channel }

    public static func request(channel: UInt8, parameter: UInt8) -> IPMIRequest {
        IPMIRequest(netFn: IPMIRequest.netFnTransport, command: 0x02, data: [channel & 0x0F, parameter, 0, 0])
    }

    /// Parameters read, in the order ipmitool reads them.
    public static let parameters: [UInt8] = [1, 2, 3, 4, 5, 6, 12, 13, 14, 15, 20, 21, 22, 23, 24]

    /// Applies one parameter's response (revision byte first). Unknown parameters and short data are ignored.
    public mutating func apply(parameter: UInt8, response: [UInt8]) {
        let d = Array(response.dropFirst())
        func ip(_ count: Int = 4) -> String? { d.count >= 4 ? d.prefix(4).map(String.init).joined(separator: ".") : nil }
        func mac() -> String? { d.count >= 6 ? IPMIHex.bytes(d.prefix(6), separator: ":") : nil }
        switch parameter {
        case 1: if let b = d.first { authTypeSupport = Self.authTypes(b) }
        case 2:
            if d.count >= 5 {
                var enables: [String: [String]] = [:]
                for (index, level) in ["callback", "user", "operator", "admin", "oem"].enumerated() {
                    enables[level] = Self.authTypes(d[index])
                }
                authTypeEnables = enables
            }
        case 3: ipAddress = ip()
        case 4: if let b = d.first { ipAddressSource = ["unspecified", "static", "dhcp", "bios", "other"][Int(min(b & 0x0F, 4))] }
        case 5: macAddress = mac()
        case 6: subnetMask = ip()
        case 12: defaultGatewayIP = ip()
        case 13: defaultGatewayMAC = mac()
        case 14: backupGatewayIP = ip()
        case 15: backupGatewayMAC = mac()
        case 20:
            if d.count >= 2 {
                let value = UInt16(d[0]) | UInt16(d[1]) << 8
                vlanID = value & 0x8000 != 0 ? value & 0x0FFF : nil
            }
        case 21: if let b = d.first { vlanPriority = b & 0x07 }
        // Data 1 is reserved, then up to 16 cipher suite ids.
        case 23: if d.count >= 1 { cipherSuites = Array(d.dropFirst().prefix(16)) }
        case 24:
            if d.count >= 2 {
                // Nibbles after the reserved byte, low nibble first: the maximum privilege per suite.
                let letters: [UInt8: Character] = [0: "X", 1: "c", 2: "u", 3: "o", 4: "a", 5: "O"]
                cipherSuitePrivileges = String(d.dropFirst().prefix(8).flatMap { [letters[$0 & 0x0F] ?? "X", letters[$0 >> 4] ?? "X"] })
            }
        default: break
        }
    }

    static func authTypes(_ bits: UInt8) -> [String] {
        [(0x01, "NONE"), (0x02, "MD2"), (0x04, "MD5"), (0x10, "PASSWORD"), (0x20, "OEM")].filter { bits & $0.0 != 0 }.map(\.1)
    }
}

/// Get Channel Info (App netfn cmd 0x42; IPMI 2.0 section 22.24): finds the LAN channels.
public enum IPMIChannelInfo {
    public static func request(_ channel: UInt8) -> IPMIRequest {
        IPMIRequest(netFn: IPMIRequest.netFnApp, command: 0x42, data: [channel])
    }

    /// True when the channel's medium is 802.3 LAN (medium type 4).
    public static func isLAN(response data: [UInt8]) -> Bool {
        data.count >= 2 && data[1] & 0x7F == 0x04
    }
}
