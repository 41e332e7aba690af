#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// One request to the BMC: network function, command and data (IPMI 2.0 section 5). The LUN is 0.
public struct IPMIRequest: Sendable, Equatable, CustomStringConvertible {
    public var netFn: UInt8
    public var command: UInt8
    public var data: [UInt8]

    public init(netFn: UInt8, command: UInt8, data: [UInt8] = []) {
        self.netFn = netFn
        self.command = command
        self.data = data
    }

    public var description: String {
        "netfn 0x\(IPMIHex.byte(netFn)) cmd 0x\(IPMIHex.byte(command))"
            + (data.isEmpty ? "" : " data [\(IPMIHex.bytes(data))]")
    }

    // Network functions (IPMI 2.0 table 5-1), request codes (even).
    public static let netFnChassis: UInt8 = 0x00
    public static let netFnSensorEvent: UInt8 = 0x04
    public static let netFnApp: UInt8 = 0x06
    public static let netFnStorage: UInt8 = 0x0A
    public static let netFnTransport: UInt8 = 0x0C
}

/// The BMC's answer: the completion code and the data after it.
public struct IPMIResponse: Sendable, Equatable {
    public var netFn: UInt8
    public var command: UInt8
    public var completionCode: IPMICompletionCode
    public var data: [UInt8]

    public init(netFn: UInt8, command: UInt8, completionCode: IPMICompletionCode, data: [UInt8] = []) {
        self.netFn = netFn
        self.command = command
        self.completionCode = completionCode
        self.data = data
    }

    /// A response as the driver hands it over: the message body starts with the completion code.
    public init(netFn: UInt8, command: UInt8, body: [UInt8]) throws(IPMIError) {
        guard let first = body.first else { throw .emptyResponse(netFn: netFn, command: command) }
        self.init(netFn: netFn, command: command, completionCode: IPMICompletionCode(first), data: Array(body.dropFirst()))
    }
}

/// One device node that did not open.
public struct IPMIOpenFailure: Sendable, Equatable {
    public var path: String
    public var errno: Int32
    public var message: String

    public init(path: String, errno: Int32, message: String) {
        self.path = path
        self.errno = errno
        self.message = message
    }
}

/// Why a request got no usable answer.
public enum IPMIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// None of the device nodes opened: each candidate with what its open(2) said, in the order tried.
    case open(failures: [IPMIOpenFailure])
    /// A node opened but refused IPMICTL_SET_GETS_EVENTS_CMD: it is not an OpenIPMI device.
    case notIPMI(path: String, errno: Int32, message: String)
    case send(request: String, errno: Int32, message: String)
    case receive(request: String, errno: Int32, message: String)
    case timeout(request: String, seconds: Double)
    case emptyResponse(netFn: UInt8, command: UInt8)
    case completion(request: String, code: IPMICompletionCode)
    /// The response is shorter than the command's fixed fields, or otherwise not what the spec says.
    case malformed(what: String, detail: String)

    public var description: String {
        switch self {
        case .open(let failures) where failures.allSatisfy({ $0.errno == ENOENT }):
            "no IPMI device (\(failures.map(\.path).joined(separator: ", ")) absent: no BMC, or the ipmi_si/ipmi_devintf modules are not loaded)"
        case .open(let failures):
            "no usable IPMI device (\(failures.map { "\($0.path): \($0.message)" }.joined(separator: ", ")))"
        case .notIPMI(let path, _, let message): "\(path) is not an OpenIPMI device: \(message)"
        case .send(let request, _, let message): "\(request): send failed: \(message)"
        case .receive(let request, _, let message): "\(request): receive failed: \(message)"
        case .timeout(let request, let seconds): "\(request): no response within \(seconds) s"
        case .emptyResponse(let netFn, let command):
            "netfn 0x\(IPMIHex.byte(netFn)) cmd 0x\(IPMIHex.byte(command)): response without a completion code"
        case .completion(let request, let code): "\(request): \(code)"
        case .malformed(let what, let detail): "\(what): \(detail)"
        }
    }
}

/// Something that carries requests to a BMC and brings back its responses: the OpenIPMI device, or a
/// table of canned responses in tests.
public protocol IPMITransport {
    func send(_ request: IPMIRequest) throws(IPMIError) -> IPMIResponse
}

extension IPMITransport {
    /// Sends `request` and returns the response data, throwing unless the completion code is normal.
    public func call(_ request: IPMIRequest) throws(IPMIError) -> [UInt8] {
        let response = try send(request)
        guard response.completionCode == .normal else {
            throw .completion(request: request.description, code: response.completionCode)
        }
        return response.data
    }
}
