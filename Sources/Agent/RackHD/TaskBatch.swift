#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What `GET /api/current/tasks/<node id>` answers: `{"identifier", "tasks": [{cmd, ...}], "exit"?}`, kept
/// as the JSON the server sent, because the POST must echo every field unchanged (the server picks its
/// catalog parser by the exact `cmd`, `source` and `format`).
struct TaskBatch: Equatable, Sendable {
    private(set) var object: [String: JSONValue]
    private(set) var tasks: [[String: JSONValue]]

    /// nil for what the old runner treated as "no tasks now": an empty body, text that is not a JSON
    /// object, or an object without a `tasks` array.
    init?(json bytes: [UInt8]) {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(bytes)),
              case .object(let object) = value, case .array(let list)? = object["tasks"]
        else { return nil }
        var tasks: [[String: JSONValue]] = []
        for element in list {
            // A bare string command is a task with only `cmd` (the server does this conversion itself, but
            // an older one may not have).
            switch element {
            case .object(let task): tasks.append(task)
            case .string(let cmd): tasks.append(["cmd": .string(cmd)])
            default: return nil
            }
        }
        self.object = object
        self.tasks = tasks
    }

    var identifier: String? { object["identifier"]?.scalarText }

    /// `exit` as the old runner read it (`exit.code || exit || 0`): the server renders it as a string
    /// ("1"); a number or `{"code": N}` is taken too. nil when the batch does not end the runner.
    var exitCode: Int32? {
        guard let value = object["exit"], value != .null else { return nil }
        if case .object(let inner) = value { return inner["code"]?.scalarText.flatMap { Int32($0) } ?? 0 }
        guard let text = value.scalarText else { return 0 }
        return Int32(text.filter { $0 != " " }) ?? 0
    }

    mutating func setTask(_ index: Int, _ task: [String: JSONValue]) {
        tasks[index] = task
    }

    /// The POST body: the object as received with the tasks as run, keys sorted (equal results give equal
    /// bytes).
    func body() -> [UInt8] {
        var echoed = object
        echoed["tasks"] = .array(tasks.map { .object($0) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(JSONValue.object(echoed))) ?? Data("{}".utf8))
    }
}

/// One task's fields as the runner reads them.
struct TaskSpec: Equatable, Sendable {
    var cmd: String
    var downloadURL: String?
    /// Exit codes other than 0 that do not stop the batch; only honoured when every element is a number,
    /// as the old runner did.
    var acceptedCodes: [Int32]
    /// Milliseconds, as the server's task definitions give it.
    var timeoutMilliseconds: Double?
    var retries: Int

    init(_ task: [String: JSONValue]) {
        cmd = task["cmd"]?.scalarText ?? ""
        downloadURL = task["downloadUrl"]?.scalarText.flatMap { $0.isEmpty ? nil : $0 }
        if case .array(let codes)? = task["acceptedResponseCodes"] {
            let numbers = codes.compactMap { code -> Int32? in
                switch code {
                case .int(let i): return Int32(exactly: i)
                case .uint(let u): return Int32(exactly: u)
                case .double(let d): return Int32(exactly: d)
                default: return nil
                }
            }
            acceptedCodes = numbers.count == codes.count ? numbers : []
        } else {
            acceptedCodes = []
        }
        timeoutMilliseconds = task["timeout"]?.scalarText.flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil }
        retries = task["retries"]?.scalarText.flatMap(Int.init).map { max(0, $0) } ?? 0
    }
}
