import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// A Hanlon server for the tests: the checkin and register resources of `hickey/Hanlon:web/api/api_node_v1.rb`
/// with the server's rules (required `last_state`; `uuid` and/or `mac_id`, `hw_id` as the legacy alias of
/// `mac_id`; both upper-cased, `mac_id` split on `_`; `register` for unknown nodes; the envelope with
/// `client_config`), on 127.0.0.1 and a free port, recording every request. Faults are switched on at will.
final class HanlonTestServer: @unchecked Sendable {
    enum Fault: Equatable, Sendable {
        case none
        case status500
        /// Answer after this many seconds (the agent's request timeout is shorter).
        case delay(Double)
        /// A 200 whose JSON body stops half-way.
        case truncatedJSON
        /// A 200 with an HTML page, as a proxy's error page would be.
        case wrongContentType
    }

    struct Request: Sendable {
        var method: String
        var path: String
        var query: [String: String]
        var contentType: String?
        var body: Data
        var at: Date
        /// The status the server answered with (0: no answer, a fault kept it or the connection died).
        var answered: Int
        var fault: Fault
    }

    struct Node {
        var uuid: String?
        var macs: [String]
        var attributes: [String: String]
    }

    private let lock = NSLock()
    private var _requests: [Request] = []
    private var _nodes: [String: Node] = [:]
    private var _fault: Fault = .none
    private var _faultOnly: String?
    private var _clientConfig: [String: Any] = [
        "mk_checkin_interval": 60, "mk_checkin_skew": 5, "mk_log_level": "Logger::ERROR",
        "mk_fact_excl_pattern": "(^facter.*$)|(^id$)|(^kernel.*$)|(^memoryfree$)|(^memoryfree_mb$)|(^operating.*$)|(^osfamily$)|(^path$)|(^ps$)|(^ruby.*$)|(^selinux$)|(^ssh.*$)|(^swap.*$)|(^timezone$)|(^uniqueid$)|(^.*uptime.*$)|(.*json_str$)",
    ]
    /// Commands to answer known nodes with, consumed one per checkin (Engine#mk_checkin's forced command).
    private var _pendingCommands: [String] = []

    private var http: TestHTTPServer!
    var port: Int { http.port }
    var baseURL: String { http.baseURL }

    /// TLS with this certificate chain and key (PEM files) when given: `baseURL` is then https://.
    init(certificateChain: String? = nil, privateKey: String? = nil) throws {
        var tls: NIOSSLContext?
        if let certificateChain, let privateKey {
            let configuration = TLSConfiguration.makeServerConfiguration(
                certificateChain: try NIOSSLCertificate.fromPEMFile(certificateChain).map { .certificate($0) },
                privateKey: .privateKey(try NIOSSLPrivateKey(file: privateKey, format: .pem)))
            tls = try NIOSSLContext(configuration: configuration)
        }
        http = try TestHTTPServer(tls: tls) { [weak self] method, uri, contentType, body in
            // A request still in flight when the test has let go of its server.
            self?.handle(method: method, uri: uri, contentType: contentType, body: body) ?? TestHTTPServer.gone
        }
    }

    /// Binds again, on the same port, after `stop()`.
    func start() throws { try http.start() }
    /// The server goes away: no listener, open connections cut.
    func stop() throws { try http.stop() }

    var requests: [Request] { lock.withLock { _requests } }
    var registrations: [Request] { requests.filter { $0.path.hasSuffix("/node/register") } }
    var checkins: [Request] { requests.filter { $0.path.hasSuffix("/node/checkin") } }
    var nodes: [String: Node] { lock.withLock { _nodes } }
    var fault: Fault {
        get { lock.withLock { _fault } }
        set { lock.withLock { _fault = newValue } }
    }
    /// Limits the fault to requests whose path ends with this (`/node/register`).
    var faultOnly: String? {
        get { lock.withLock { _faultOnly } }
        set { lock.withLock { _faultOnly = newValue } }
    }
    func setClientConfig(_ key: String, _ value: Any) { lock.withLock { _clientConfig[key] = value } }
    func queueCommand(_ command: String) { lock.withLock { _pendingCommands.append(command) } }

    typealias Answer = TestHTTPServer.Answer

    /// One request in, one answer out; recorded with the fault in force.
    func handle(method: HTTPMethod, uri: String, contentType: String?, body: Data) -> Answer {
        let components = URLComponents(string: uri)
        let path = components?.path ?? uri
        var query: [String: String] = [:]
        for item in components?.queryItems ?? [] { query[item.name] = item.value ?? "" }
        let only = faultOnly
        let fault = only.map { path.hasSuffix($0) } ?? true ? self.fault : .none
        var answer: Answer
        switch fault {
        case .status500:
            answer = Self.error(500, "Internal Server Error")
        case .wrongContentType:
            answer = Answer(status: .ok, contentType: "text/html", body: Data("<html><body>Service Unavailable</body></html>".utf8))
        default:
            if path.hasSuffix("/node/checkin") && method == .GET {
                answer = checkin(query)
            } else if path.hasSuffix("/node/register") && method == .POST {
                answer = register(body)
            } else {
                answer = Self.error(404, "no route \(method) \(path)")
            }
            if fault == .truncatedJSON { answer.body = answer.body.prefix(answer.body.count / 2) }
            if case .delay(let seconds) = fault { answer.delay = seconds }
        }
        let record = Request(method: "\(method)", path: path, query: query, contentType: contentType, body: body,
                             at: Date(), answered: answer.delay > 0 ? 0 : Int(answer.status.code), fault: fault)
        lock.withLock { _requests.append(record) }
        return answer
    }

    private func checkin(_ query: [String: String]) -> Answer {
        guard let state = query["last_state"], !state.isEmpty else { return Self.error(400, "last_state is required") }
        if query["mac_id"] != nil && query["hw_id"] != nil { return Self.error(400, "mac_id and hw_id are exclusive") }
        let uuid = query["uuid"].map { $0.uppercased() }
        let macs = (query["mac_id"] ?? query["hw_id"]).map { $0.uppercased().split(separator: "_").map(String.init) } ?? []
        guard uuid?.isEmpty == false || !macs.isEmpty else { return Self.error(400, "uuid or mac_id is required") }
        let key = Self.key(uuid: uuid, macs: macs)
        let command: String = lock.withLock {
            guard _nodes[key] != nil else { return "register" }
            return _pendingCommands.isEmpty ? "acknowledge" : _pendingCommands.removeFirst()
        }
        return envelope(command: "checkin_node", response: ["command_name": command, "command_param": [String: Any]()])
    }

    private func register(_ body: Data) -> Answer {
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else {
            return Self.error(400, "body is not a JSON object")
        }
        guard let state = object["last_state"] as? String, !state.isEmpty else { return Self.error(400, "last_state is required") }
        guard let attributes = object["attributes_hash"] as? [String: Any], !attributes.isEmpty else {
            return Self.error(400, "attributes_hash must be a non-empty hash")
        }
        let uuid = (object["uuid"] as? String).map { $0.uppercased() }
        let macs = ((object["mac_id"] ?? object["hw_id"]) as? String).map { $0.uppercased().split(separator: "_").map(String.init) } ?? []
        guard uuid?.isEmpty == false || !macs.isEmpty else { return Self.error(400, "uuid or mac_id is required") }
        let node = Node(uuid: uuid, macs: macs, attributes: attributes.mapValues { "\($0)" })
        lock.withLock { _nodes[Self.key(uuid: uuid, macs: macs)] = node }
        return envelope(command: "register_node", response: ["uuid": uuid ?? "", "hw_id": macs])
    }

    private static func key(uuid: String?, macs: [String]) -> String {
        if let uuid, !uuid.isEmpty { return uuid }
        return macs.joined(separator: "_")
    }

    private func envelope(command: String, response: [String: Any]) -> Answer {
        let config = lock.withLock { _clientConfig }
        let object: [String: Any] = [
            "resource": "ProjectHanlon::Slice::Node", "command": command, "result": "Ok", "http_err_code": 200,
            "errcode": 0, "response": response, "client_config": config,
        ]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return Answer(status: .ok, contentType: "application/json", body: data)
    }

    private static func error(_ code: Int, _ message: String) -> Answer {
        let object: [String: Any] = ["result": message, "http_err_code": code, "errcode": 1]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return Answer(status: HTTPResponseStatus(statusCode: code), contentType: "application/json", body: data)
    }
}
