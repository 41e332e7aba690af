import AsyncHTTPClient
import NIOCore

/// The task runner's calls to the server's southbound API (`/api/current/tasks/...`).
final class RackHDClient: Sendable {
    typealias Failure = AgentHTTPClient.Failure

    let server: String
    private let http: AgentHTTPClient

    init(server: String, http: AgentHTTPClient) {
        self.server = server
        self.http = http
    }

    func tasksPath(_ nodeID: String) -> String { "/api/current/tasks/" + AgentHTTPClient.percentEncoded(nodeID) }

    /// The node id the server renders into bootstrap.js for this MAC (`tasksPath = '/api/current/tasks/<id>'`):
    /// the only MAC-to-node lookup the server offers a microkernel. 404: no node has this MAC (yet).
    func nodeID(mac: String) async throws(Failure) -> String {
        var request = HTTPClientRequest(url: server + "/api/current/tasks/bootstrap.js?macAddress=" + AgentHTTPClient.percentEncoded(mac))
        request.method = .GET
        let body = try await http.expectingSuccess(request)
        let script = String(buffer: body)
        guard let id = Self.identifier(inBootstrapScript: script) else {
            throw Failure(kind: .badReply, detail: "bootstrap.js for \(mac) names no tasks path (\(body.readableBytes) bytes)")
        }
        return id
    }

    static func identifier(inBootstrapScript script: String) -> String? {
        for line in script.split(separator: "\n") {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "=" || $0 == "," || $0 == ";" })
            guard words.count >= 2, words[0] == "tasksPath" else { continue }
            let path = words[1].filter { $0 != "'" && $0 != "\"" }
            guard path.hasPrefix("/api/"), let slash = path.lastIndex(of: "/") else { return nil }
            let id = String(path[path.index(after: slash)...])
            return id.isEmpty ? nil : id
        }
        return nil
    }

    /// The next batch, or nil for "nothing now": 404 (no job is listening for this node), 204, an empty or
    /// unparseable 200. Other statuses are failures.
    func tasks(nodeID: String) async throws(Failure) -> TaskBatch? {
        var request = HTTPClientRequest(url: server + tasksPath(nodeID))
        request.method = .GET
        request.headers.add(name: "Accept", value: "application/json")
        let response = try await http.execute(request)
        switch response.status {
        case 404, 204: return nil
        case 200..<300: return TaskBatch(json: Array(response.body.readableBytesView))
        default: throw Failure(kind: .httpStatus, detail: "HTTP \(response.status) from GET \(request.url)")
        }
    }

    /// POSTs a finished batch; any 2xx (the server answers 201) is an acknowledgment.
    func post(nodeID: String, body: [UInt8]) async throws(Failure) {
        var request = HTTPClientRequest(url: server + tasksPath(nodeID))
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: body))
        _ = try await http.expectingSuccess(request)
    }

    /// A task's `downloadUrl` (absolute, or a path on the server).
    func download(_ url: String) async throws(Failure) -> [UInt8] {
        let absolute = url.hasPrefix("http://") || url.hasPrefix("https://") ? url : server + (url.hasPrefix("/") ? "" : "/") + url
        var request = HTTPClientRequest(url: absolute)
        request.method = .GET
        let response = try await http.execute(request, limit: 256 << 20)
        guard (200..<300).contains(response.status) else {
            throw Failure(kind: .httpStatus, detail: "HTTP \(response.status) from GET \(absolute)")
        }
        return Array(response.body.readableBytesView)
    }
}
