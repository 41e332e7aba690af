import Foundation
import NIOHTTP1

/// A RackHD southbound API for the tests, with the rules of the server's task API: `bootstrap.js` for a
/// known MAC (404 for an unknown one) rendered with the node's id; `GET /api/current/tasks/<id>` answers the
/// job in progress once (a run-once job answers an empty 200 after that), and 404 or an empty 200 between
/// jobs; `POST` answers 201, records the body and checks that every field the server sent came back
/// unchanged; `GET /api/current/templates/<name>` serves scripts. Faults are switched on at will.
final class RackHDTestServer: @unchecked Sendable {
    enum Fault: Equatable, Sendable {
        case none
        /// 500 to every POST: the runner must keep the results and post them again.
        case postStatus500
        /// Every answer after this many seconds.
        case delay(Double)
    }

    struct Request: Sendable {
        var method: String
        var path: String
        var query: [String: String]
        var contentType: String?
        var body: Data
        var answered: Int
    }

    /// A posted batch: what it answered, which job it was for, and every echo rule it broke.
    struct Post: Sendable {
        var job: Int
        var body: [String: Any] { (try? JSONSerialization.jsonObject(with: raw)) as? [String: Any] ?? [:] }
        var raw: Data
        var violations: [String]
        var tasks: [[String: Any]] { body["tasks"] as? [[String: Any]] ?? [] }
    }

    let nodeID: String
    let mac: String
    private let lock = NSLock()
    private var jobs: [[String: Any]]
    private var next = 0
    private var served = false
    private var gapAnswers = 0
    private var _requests: [Request] = []
    private var _posts: [Post] = []
    private var _fault: Fault = .none
    private var templates: [String: Data] = [:]
    private var http: TestHTTPServer!

    var baseURL: String { http.baseURL }
    var port: Int { http.port }

    /// `jobs`: the batches in graph order; `identifier` is filled in.
    init(mac: String, jobs: [[String: Any]], nodeID: String = "5e3f1a2b3c4d5e6f7a8b9c0d") throws {
        self.mac = mac.lowercased()
        self.nodeID = nodeID
        self.jobs = jobs.map { var job = $0; job["identifier"] = nodeID; return job }
        http = try TestHTTPServer { [weak self] method, uri, contentType, body in
            // A request still in flight when the test has let go of its server.
            self?.handle(method: method, uri: uri, contentType: contentType, body: body) ?? TestHTTPServer.gone
        }
    }

    func start() throws { try http.start() }
    func stop() throws { try http.stop() }

    var requests: [Request] { lock.withLock { _requests } }
    var posts: [Post] { lock.withLock { _posts } }
    var jobsDone: Int { lock.withLock { next } }
    var fault: Fault {
        get { lock.withLock { _fault } }
        set { lock.withLock { _fault = newValue } }
    }
    func addTemplate(_ name: String, _ text: String) { addTemplate(name, Data(text.utf8)) }
    func addTemplate(_ name: String, _ bytes: Data) { lock.withLock { templates[name] = bytes } }

    private func handle(method: HTTPMethod, uri: String, contentType: String?, body: Data) -> TestHTTPServer.Answer {
        let components = URLComponents(string: uri)
        let path = components?.path ?? uri
        var query: [String: String] = [:]
        for item in components?.queryItems ?? [] { query[item.name] = item.value ?? "" }
        var answer: TestHTTPServer.Answer
        let fault = self.fault
        if fault == .postStatus500 && method == .POST {
            answer = Self.text(500, "Internal Server Error")
        } else if path == "/api/current/tasks/bootstrap.js" && method == .GET {
            answer = query["macAddress"]?.lowercased() == mac ? Self.text(200, bootstrapScript(), type: "application/javascript")
                : Self.text(404, "Not Found")
        } else if path == "/api/current/tasks/\(nodeID)" && method == .GET {
            answer = tasks()
        } else if path == "/api/current/tasks/\(nodeID)" && method == .POST {
            answer = post(body, contentType: contentType)
        } else if path.hasPrefix("/api/current/templates/"), method == .GET,
                  let script = lock.withLock({ templates[String(path.dropFirst("/api/current/templates/".count))] }) {
            answer = TestHTTPServer.Answer(status: .ok, contentType: "application/octet-stream", body: script)
        } else {
            answer = Self.text(404, "Not Found")
        }
        if case .delay(let seconds) = fault { answer.delay = seconds }
        let record = Request(method: "\(method)", path: path, query: query, contentType: contentType, body: body,
                             answered: answer.delay > 0 ? 0 : Int(answer.status.code))
        lock.withLock { _requests.append(record) }
        return answer
    }

    /// The lines of the server's bootstrap.js template that carry the server, port and tasks path.
    private func bootstrapScript() -> String {
        """
        // Copyright 2015, EMC, Inc.

        "use strict";

        var http = require('http'),
            url = require('url'),
            server = '127.0.0.1',
            port = '\(port)',
            tasksPath = '/api/current/tasks/\(nodeID)',
            MAX_BUFFER = 5000 * 1024,
            MAX_RETRY_TIMEOUT = 60 * 1000;

        getTasks(5000);

        """
    }

    private func tasks() -> TestHTTPServer.Answer {
        lock.withLock {
            guard next < jobs.count else { return Self.text(404, "Not Found") }
            // Between jobs the first poll finds no subscriber: 404 after odd jobs, an empty 200 after even.
            if gapAnswers > 0 {
                gapAnswers -= 1
                return next % 2 == 1 ? Self.text(404, "Not Found") : Self.text(200, "", type: "application/json")
            }
            // A run-once job answers nothing after its commands were sent.
            if served { return Self.text(200, "", type: "application/json") }
            served = true
            let data = try! JSONSerialization.data(withJSONObject: jobs[next], options: [.sortedKeys])
            return TestHTTPServer.Answer(status: .ok, contentType: "application/json", body: data)
        }
    }

    private func post(_ body: Data, contentType: String?) -> TestHTTPServer.Answer {
        lock.withLock {
            guard next < jobs.count, served else {
                _posts.append(Post(job: -1, raw: body, violations: ["POST with no job waiting for it"]))
                return Self.text(201, "Created")
            }
            var violations = Self.echoViolations(sent: jobs[next], received: body)
            if contentType?.hasPrefix("application/json") != true { violations.append("Content-Type \(contentType ?? "none")") }
            _posts.append(Post(job: next, raw: body, violations: violations))
            next += 1
            served = false
            gapAnswers = 1
            return Self.text(201, "Created")
        }
    }

    /// Every key the server sent, at the top and in each task, must come back with the same value; the
    /// tasks come back in the same number and order; `stdout`/`stderr`/`error` are the only additions
    /// to a task that ran.
    static func echoViolations(sent: [String: Any], received: Data) -> [String] {
        guard let body = (try? JSONSerialization.jsonObject(with: received)) as? [String: Any] else { return ["body is not a JSON object"] }
        var violations: [String] = []
        for (key, value) in sent where key != "tasks" {
            if !same(body[key], value) { violations.append("\(key): sent \(value), got \(body[key] ?? "nothing")") }
        }
        let sentTasks = sent["tasks"] as? [Any] ?? []
        guard let gotTasks = body["tasks"] as? [[String: Any]], gotTasks.count == sentTasks.count else {
            return violations + ["tasks: \(sentTasks.count) sent, \((body["tasks"] as? [Any])?.count ?? -1) returned"]
        }
        for (index, (sentTask, gotTask)) in zip(sentTasks, gotTasks).enumerated() {
            let fields = sentTask as? [String: Any] ?? ["cmd": sentTask]
            for (key, value) in fields where !same(gotTask[key], value) {
                violations.append("task \(index) \(key): sent \(value), got \(gotTask[key] ?? "nothing")")
            }
            for key in gotTask.keys where fields[key] == nil && !["stdout", "stderr", "error"].contains(key) {
                violations.append("task \(index): unexpected field \(key)")
            }
        }
        return violations
    }

    private static func same(_ a: Any?, _ b: Any) -> Bool {
        guard let a else { return false }
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .fragmentsAllowed]
        return (try? JSONSerialization.data(withJSONObject: a, options: options)) == (try? JSONSerialization.data(withJSONObject: b, options: options))
    }

    private static func text(_ code: Int, _ text: String, type: String = "text/plain") -> TestHTTPServer.Answer {
        TestHTTPServer.Answer(status: HTTPResponseStatus(statusCode: code), contentType: type, body: Data(text.utf8))
    }
}
