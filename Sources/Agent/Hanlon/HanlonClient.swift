import AsyncHTTPClient
import NIOCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The two calls of the Microkernel protocol.
final class HanlonClient: Sendable {
    struct Reply: Equatable, Sendable {
        /// `response.command_name`: acknowledge, register, reboot, poweroff (or what a newer server sends).
        var command: String?
        /// `client_config`, every value as text.
        var clientConfig: [String: String]
    }

    typealias Failure = AgentHTTPClient.Failure

    private let http: AgentHTTPClient

    init(caFile: String?, requestTimeout: Double) {
        http = AgentHTTPClient(caFile: caFile, requestTimeout: requestTimeout)
    }

    func shutdown() async {
        await http.shutdown()
    }

    /// `GET {mk_uri}{mk_checkin_path}?uuid=..&mac_id=..&last_state=idle[&first_checkin=true]`.
    func checkin(_ settings: HanlonSettings, identity: NodeIdentity, firstCheckin: Bool) async throws(Failure) -> Reply {
        var query = ["uuid=\(AgentHTTPClient.percentEncoded(identity.uuid))", "mac_id=\(AgentHTTPClient.percentEncoded(identity.macID))", "last_state=idle"]
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
        try await http.expectingSuccess(request)
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
