import AsyncHTTPClient
import NIOCore
import NIOSSL
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The two calls of the Microkernel protocol over async-http-client: every call has a deadline, HTTPS
/// verifies the server's certificate (against the system roots, or only the `--ca-file` ones).
final class HanlonClient: Sendable {
    struct Reply: Equatable, Sendable {
        /// `response.command_name`: acknowledge, register, reboot, poweroff (or what a newer server sends).
        var command: String?
        /// `client_config`, every value as text.
        var clientConfig: [String: String]
    }

    /// Why a call did not get a usable answer; `kind` is what "state changed" compares.
    struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        enum Kind: String, Sendable { case unreachable, timeout, httpStatus, badReply, refusedByServer }
        var kind: Kind
        var detail: String
        var description: String { "\(kind.rawValue): \(detail)" }
    }

    private let http: HTTPClient
    private let requestTimeout: TimeAmount

    init(caFile: String?, requestTimeout: Double) throws {
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

    /// `GET {mk_uri}{mk_checkin_path}?uuid=..&mac_id=..&last_state=idle[&first_checkin=true]`.
    func checkin(_ settings: HanlonSettings, identity: NodeIdentity, firstCheckin: Bool) async throws(Failure) -> Reply {
        var query = ["uuid=\(Self.escape(identity.uuid))", "mac_id=\(Self.escape(identity.macID))", "last_state=idle"]
        if identity.uuid.isEmpty { query.removeFirst() }
        if firstCheckin { query.append("first_checkin=true") }
        var request = HTTPClientRequest(url: settings.checkinURL + "?" + query.joined(separator: "&"))
        request.method = .GET
        request.headers.add(name: "Accept", value: "application/json")
        let body = try await send(request)
        return try Self.decodeReply(body)
    }

    /// `POST {mk_uri}{mk_register_path}`, `Content-Type: text/json`; any 2xx is an acknowledgment.
    func register(_ settings: HanlonSettings, body: [UInt8]) async throws(Failure) {
        var request = HTTPClientRequest(url: settings.registerURL)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "text/json")
        request.body = .bytes(ByteBuffer(bytes: body))
        _ = try await send(request)
    }

    private func send(_ request: HTTPClientRequest) async throws(Failure) -> ByteBuffer {
        do {
            let response = try await http.execute(request, timeout: requestTimeout)
            let body = try await response.body.collect(upTo: 4 << 20)
            guard (200..<300).contains(response.status.code) else {
                throw Failure(kind: .httpStatus, detail: "HTTP \(response.status.code) from \(request.url)")
            }
            return body
        } catch let failure as Failure {
            throw failure
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout
            || error == .connectTimeout {
            throw Failure(kind: .timeout, detail: "no answer within the request timeout from \(request.url)")
        } catch {
            throw Failure(kind: .unreachable, detail: "\(request.url): \(error)")
        }
    }

    /// The reply envelope; only `errcode == 0` is acted on (the old agent's rule).
    static func decodeReply(_ body: ByteBuffer) throws(Failure) -> Reply {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(body.readableBytesView))
        } catch {
            throw Failure(kind: .badReply, detail: "checkin reply is not JSON (\(body.readableBytes) bytes)")
        }
        guard case .object(let envelope) = value else {
            throw Failure(kind: .badReply, detail: "checkin reply is not a JSON object")
        }
        guard let errcode = envelope["errcode"], errcode.text == "0" else {
            throw Failure(kind: .refusedByServer, detail: "checkin reply has errcode \(envelope["errcode"]?.text ?? "missing")")
        }
        var reply = Reply(command: nil, clientConfig: [:])
        if case .object(let response)? = envelope["response"] { reply.command = response["command_name"]?.text }
        if case .object(let config)? = envelope["client_config"] {
            for (key, value) in config { if let text = value.text { reply.clientConfig[key] = text } }
        }
        return reply
    }

    /// Query values as the old agent sent them (unencoded) but for the few characters that would break
    /// the query.
    static func escape(_ value: String) -> String {
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

extension JSONValue {
    /// Scalars as text (numbers as the server wrote them, within reason); nil for arrays and objects.
    var text: String? {
        switch self {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return "\(i)"
        case .uint(let u): return "\(u)"
        case .double(let d): return d == d.rounded() && abs(d) < 1e15 ? "\(Int64(d))" : "\(d)"
        case .string(let s): return s
        case .array, .object: return nil
        }
    }
}
