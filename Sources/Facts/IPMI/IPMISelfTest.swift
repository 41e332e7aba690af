/// Get Self Test Results (App netfn, cmd 0x04; IPMI 2.0 section 20.4): the BMC's power-on self test.
public struct IPMISelfTest: Sendable, Equatable, Codable {
    /// 0x55 passed, 0x56 not implemented, 0x57 corrupted or inaccessible data or devices (see `failures`),
    /// 0x58 fatal hardware error, anything else device specific.
    public var code: UInt8
    /// The second byte: the failure bits for 0x57, a device-specific detail otherwise.
    public var detail: UInt8
    public var result: String
    /// For 0x57: what the set bits of `detail` say is broken (IPMI 2.0 table 20-4).
    public var failures: [String]

    public static let request = IPMIRequest(netFn: IPMIRequest.netFnApp, command: 0x04)

    /// The bits of the 0x57 detail byte, bit 0 first.
    public static let failureNames = [
        "firmware corrupted", "boot block corrupted", "FRU internal use area corrupted", "SDR repository empty",
        "IPMB not responding", "cannot access BMC FRU", "cannot access SDR repository", "cannot access SEL device",
    ]

    public init(response data: [UInt8]) throws(IPMIError) {
        guard data.count >= 2 else {
            throw .malformed(what: "Get Self Test Results", detail: "\(data.count) data bytes, 2 needed")
        }
        code = data[0]
        let detail = data[1]
        self.detail = detail
        switch code {
        case 0x55: result = "passed"
        case 0x56: result = "not implemented"
        case 0x57: result = "device error"
        case 0x58: result = "fatal hardware error"
        default: result = "device-specific failure"
        }
        failures = code == 0x57 ? Self.failureNames.indices.filter { detail & (1 << $0) != 0 }.map { Self.failureNames[$0] } : []
    }
}
