/// One LAN channel's configuration (Get LAN Configuration Parameters, Transport netfn cmd 0x02; IPMI 2.0
/// section 23.2, table 23-4): what `ipmitool lan print N` shows.
public struct IPMILANConfiguration: Sendable, Equatable, Codable {
    /// The IP header parameters of outgoing packets (parameter 7), the bits ipmitool shows.
    public struct IPHeader: Sendable, Equatable, Codable {
        public var ttl: UInt8
        public var flags: UInt8
        public var precedence: UInt8
        public var tos: UInt8
    }

    /// Bad password threshold (parameter 26): after `threshold` bad passwords in a row the user is
    /// locked out (disabled when `disableUser`) for `lockoutIntervalSeconds`.
    public struct BadPasswordThreshold: Sendable, Equatable, Codable {
        public var threshold: UInt8
        public var disableUser: Bool
        public var attemptCountResetSeconds: Int
        public var lockoutIntervalSeconds: Int
    }

    public var channel: UInt8
    /// Set Complete, Set In Progress, Commit Write or Reserved (parameter 0).
    public var setInProgress: String?
    /// static, dhcp, bios, other, unspecified.
    public var ipAddressSource: String?
    public var ipAddress: String?
    public var subnetMask: String?
    public var macAddress: String?
    public var defaultGatewayIP: String?
    public var defaultGatewayMAC: String?
    public var backupGatewayIP: String?
    public var backupGatewayMAC: String?
    /// The community string of SNMP traps (parameter 16).
    public var snmpCommunity: String?
    public var ipHeader: IPHeader?
    /// Whether the BMC answers ARP and sends gratuitous ARPs (parameter 10).
    public var arpResponses: Bool?
    public var gratuitousARP: Bool?
    /// The gratuitous ARP interval in 500 ms units (parameter 11).
    public var gratuitousARPInterval: UInt8?
    /// Whether 802.1q VLAN tagging is on (parameter 20); nil when the BMC does not have the parameter.
    public var vlanEnabled: Bool?
    /// The 802.1q VLAN id, nil when VLAN tagging is disabled.
    public var vlanID: UInt16?
    public var vlanPriority: UInt8?
    /// Authentication types the channel supports (parameter 1).
    public var authTypeSupport: [String]?
    /// Enabled authentication types by privilege level: callback, user, operator, admin, oem (parameter 2).
    public var authTypeEnables: [String: [String]]?
    /// How many cipher suites the channel supports (parameter 22).
    public var cipherSuiteCount: UInt8?
    /// Cipher suite ids the channel supports (parameter 23), as many as `cipherSuiteCount` says.
    public var cipherSuites: [UInt8]?
    /// The maximum privilege of each of the 15 fixed cipher suites, one letter each as ipmitool prints them
    /// (parameter 24, exactly 9 bytes).
    public var cipherSuitePrivileges: String?
    public var badPasswordThreshold: BadPasswordThreshold?
    /// The first parameter the BMC did not answer, or answered with a completion code other than parameter
    /// not supported, out of range or invalid data field (VLAN id and priority aside): ipmitool's `lan print`
    /// stops there and exits 1. The parameters after it are still read.
    public var failedParameter: UInt8?

    public init(channel: UInt8) { self.channel = channel }

    public static func request(channel: UInt8, parameter: UInt8) -> IPMIRequest {
        IPMIRequest(netFn: IPMIRequest.netFnTransport, command: 0x02, data: [channel & 0x0F, parameter, 0, 0])
    }

    /// Parameters read, in the order ipmitool reads them (22, the cipher suite count, before 23).
    public static let parameters: [UInt8] = [0, 1, 2, 4, 3, 6, 5, 16, 7, 10, 11, 12, 13, 14, 15, 20, 21, 22, 23, 24, 26]

    /// Completion codes ipmitool takes for a parameter the BMC does not have (an empty answer, not a failure):
    /// parameter not supported, parameter out of range, invalid data field in request.
    public static let absentParameterCodes: Set<UInt8> = [0x80, 0xC9, 0xCC]

    /// Whether ipmitool's `lan print` reaches `parameter`: true unless an earlier one failed (`failedParameter`).
    public func printReaches(_ parameter: UInt8) -> Bool {
        guard let failed = failedParameter, let stop = Self.parameters.firstIndex(of: failed),
              let index = Self.parameters.firstIndex(of: parameter) else { return true }
        return index < stop
    }

    /// Applies one parameter's response (revision byte first). Unknown parameters and short data are ignored.
    public mutating func apply(parameter: UInt8, response: [UInt8]) {
        let d = Array(response.dropFirst())
        func ip(_ count: Int = 4) -> String? { d.count >= 4 ? d.prefix(4).map(String.init).joined(separator: ".") : nil }
        func mac() -> String? { d.count >= 6 ? IPMIHex.bytes(d.prefix(6), separator: ":") : nil }
        switch parameter {
        case 0: if let b = d.first { setInProgress = ["Set Complete", "Set In Progress", "Commit Write", "Reserved"][Int(b & 0x03)] }
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
        // Up to the first NUL, as ipmitool prints it with %s.
        case 16: snmpCommunity = String(decoding: d.prefix(18).prefix { $0 != 0 }, as: UTF8.self)
        case 7: if d.count >= 3 { ipHeader = IPHeader(ttl: d[0], flags: d[1] & 0xE0, precedence: d[2] & 0xE0, tos: d[2] & 0x1E) }
        case 10:
            if let b = d.first {
                arpResponses = b & 0x02 != 0
                gratuitousARP = b & 0x01 != 0
            }
        case 11: gratuitousARPInterval = d.first
        case 20:
            if d.count >= 2 {
                let value = UInt16(d[0]) | UInt16(d[1]) << 8
                vlanEnabled = value & 0x8000 != 0
                vlanID = value & 0x8000 != 0 ? value & 0x0FFF : nil
            }
        case 21: if let b = d.first { vlanPriority = b & 0x07 }
        case 22: cipherSuiteCount = d.first
        // Data 1 is reserved, then up to 16 cipher suite ids, of which the first `cipherSuiteCount` count.
        case 23: if d.count >= 1 && d.count <= 17 { cipherSuites = Array(d.dropFirst().prefix(Int(min(cipherSuiteCount ?? 16, 16)))) }
        case 24:
            if d.count == 9 {
                // Nibbles after the reserved byte, low nibble first: the maximum privilege of suites 0 to 14.
                let letters: [UInt8: Character] = [1: "c", 2: "u", 3: "o", 4: "a", 5: "O"]
                cipherSuitePrivileges = String(d.dropFirst().flatMap { [letters[$0 & 0x0F] ?? "X", letters[$0 >> 4] ?? "X"] }.prefix(15))
            }
        case 26:
            if d.count == 6 {
                badPasswordThreshold = BadPasswordThreshold(
                    threshold: d[1], disableUser: d[0] & 0x01 != 0,
                    attemptCountResetSeconds: (Int(d[2]) | Int(d[3]) << 8) * 10, lockoutIntervalSeconds: (Int(d[4]) | Int(d[5]) << 8) * 10)
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
