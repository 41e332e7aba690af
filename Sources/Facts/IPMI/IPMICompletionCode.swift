/// The first byte of every IPMI response (IPMI 2.0 section 5.2, table 5-2).
public struct IPMICompletionCode: RawRepresentable, Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public init(_ rawValue: UInt8) { self.rawValue = rawValue }

    public static let normal = IPMICompletionCode(0x00)
    public static let nodeBusy = IPMICompletionCode(0xC0)
    public static let invalidCommand = IPMICompletionCode(0xC1)
    public static let timeout = IPMICompletionCode(0xC3)
    public static let requestDataTruncated = IPMICompletionCode(0xC6)
    public static let requestDataLengthInvalid = IPMICompletionCode(0xC7)
    public static let parameterOutOfRange = IPMICompletionCode(0xC9)
    public static let requestedSensorDataOrRecordNotPresent = IPMICompletionCode(0xCB)
    public static let invalidDataFieldInRequest = IPMICompletionCode(0xCC)
    public static let unspecifiedError = IPMICompletionCode(0xFF)

    /// The spec's names, as ipmitool prints them.
    static let names: [UInt8: String] = [
        0x00: "Command completed normally",
        0xC0: "Node busy",
        0xC1: "Invalid command",
        0xC2: "Invalid command on LUN",
        0xC3: "Timeout",
        0xC4: "Out of space",
        0xC5: "Reservation cancelled or invalid",
        0xC6: "Request data truncated",
        0xC7: "Request data length invalid",
        0xC8: "Request data field length limit exceeded",
        0xC9: "Parameter out of range",
        0xCA: "Cannot return number of requested data bytes",
        0xCB: "Requested sensor, data, or record not found",
        0xCC: "Invalid data field in request",
        0xCD: "Command illegal for specified sensor or record type",
        0xCE: "Command response could not be provided",
        0xCF: "Cannot execute duplicated request",
        0xD0: "SDR Repository in update mode",
        0xD1: "Device firmeware in update mode",
        0xD2: "BMC initialization in progress",
        0xD3: "Destination unavailable",
        0xD4: "Insufficient privilege level",
        0xD5: "Command not supported in present state",
        0xD6: "Cannot execute command, command disabled",
        0xFF: "Unspecified error",
    ]

    /// Completion codes after which the same request may succeed if sent again (IPMI 2.0 5.2: the BMC or a
    /// node behind it was busy or did not answer in time).
    public var isTransient: Bool { [0xC0, 0xC3, 0xCE, 0xD2].contains(rawValue) }

    public var name: String {
        Self.names[rawValue] ?? (rawValue >= 0x01 && rawValue <= 0x7E ? "Device specific (OEM) completion code" : "Unknown")
    }

    public var description: String { "\(name) (0x\(IPMIHex.byte(rawValue)))" }
}

enum IPMIHex {
    static func byte(_ value: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(value >> 4)], digits[Int(value & 0xF)]])
    }

    static func bytes(_ values: some Sequence<UInt8>, separator: String = " ") -> String {
        values.map(byte).joined(separator: separator)
    }
}
