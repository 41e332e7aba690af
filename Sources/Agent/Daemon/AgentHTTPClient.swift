import AsyncHTTPClient
import NIOCore
import NIOSSL

/// The agent's HTTP over async-http-client, shared by the Hanlon and RackHD protocols: every call has a
/// deadline, HTTPS verifies the server's certificate (against the system roots, or only the `--ca-file`
/// ones), redirects are not followed. Status codes are the caller's to judge.
final class AgentHTTPClient: Sendable {
    /// A call that got no answer; `kind` is what "state changed" compares.
    struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        enum Kind: String, Sendable { case unreachable, timeout, httpStatus, badReply, refusedByServer }
        var kind: Kind
        var detail: String
        var description: String { "\(kind.rawValue): \(detail)" }
    }

    struct Response: Sendable {
        var status: Int
        var body: ByteBuffer
    }

    private let http: HTTPClient
    private let requestTimeout: TimeAmount

    init(caFile: String?, requestTimeout: Double) {
        var configuration = HTTPClient.Configuration()
        var tls = TLSConfiguration.makeClientConfiguration()
        if let caFile { tls.trustRoots = .file(caFile) }
        tls.certificateVerification = .fullVerification
        configuration.tlsConfiguration = tls
        let timeout = TimeAmount.nanoseconds(Int64(requestTimeout * 1e9))
        configuration.timeout = .init(connect: timeout, read: timeout)
        configuration.redirectConfiguration = .disallow
        // One call at a time; a fresh connection after a failure rather than a half-dead pooled one.
        configuration.connectionPool = .init(idleTimeout: .seconds(30))
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.requestTimeout = timeout
    }

    func shutdown() async {
        try? await http.shutdown()
    }

    /// Sends `request` and collects up to `limit` bytes of the answer, whatever its status.
    func execute(_ request: HTTPClientRequest, limit: Int = 4 << 20) async throws(Failure) -> Response {
        do {
            let response = try await http.execute(request, timeout: requestTimeout)
            let body = try await response.body.collect(upTo: limit)
            return Response(status: Int(response.status.code), body: body)
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout
            || error == .connectTimeout {
            throw Failure(kind: .timeout, detail: "no answer within the request timeout from \(request.url)")
        } catch {
            throw Failure(kind: .unreachable, detail: "\(request.url): \(error)")
        }
    }

    /// `execute`, with anything but a 2xx as a failure.
    func expectingSuccess(_ request: HTTPClientRequest) async throws(Failure) -> ByteBuffer {
        let response = try await execute(request)
        guard (200..<300).contains(response.status) else {
            throw Failure(kind: .httpStatus, detail: "HTTP \(response.status) from \(request.url)")
        }
        return response.body
    }

    /// A path segment or query value: RFC 3986's unreserved characters as they are, every other byte
    /// percent-encoded.
    static func percentEncoded(_ value: String) -> String {
        var result = ""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                 UInt8(ascii: "~"):
                result.append(Character(UnicodeScalar(byte)))
            default:
                let hex = Array("0123456789ABCDEF")
                result += "%\(hex[Int(byte >> 4)])\(hex[Int(byte & 15)])"
            }
        }
        return result
    }
}
