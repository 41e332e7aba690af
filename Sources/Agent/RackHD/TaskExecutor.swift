import Dispatch
import Logging
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Runs one task of a batch the way the old runner did — `/bin/sh -c cmd`, after fetching `downloadUrl`
/// into the work directory — or answers a catalog command natively, and fills in `stdout`, `stderr` and
/// `error`. Unlike the old runner it honours `timeout` (milliseconds; the process group is killed) and
/// `retries`, and keeps the output of a failed command.
struct TaskExecutor: Sendable {
    var catalogs: NativeCatalogs
    /// This program, for native answers (`mkagent dmi`, ...).
    var selfExecutable: String
    /// Given to native answers so they read the same host roots as the runner.
    var nativeEnvironment: [String: String]
    /// Where downloaded scripts are saved and commands start.
    var workDirectory: String
    var shell = "/bin/sh"
    var outputLimit = 5000 * 1024
    /// Whether a program is installed (in PATH, or executable at its path).
    var installed: @Sendable (String) -> Bool
    var download: @Sendable (String) async throws(AgentHTTPClient.Failure) -> [UInt8]
    /// Native answers begun when the runner started (`beginEarlyAnswers`); nil: none are.
    var headStart: HeadStart?

    struct Result: Sendable {
        var task: [String: JSONValue]
        /// Exit 0, or a code the task accepts: the batch goes on.
        var accepted: Bool
    }

    func run(_ task: [String: JSONValue], label: String, logger: Logger) async -> Result {
        let spec = TaskSpec(task)
        var attempt = 0
        while true {
            attempt += 1
            let started = ContinuousClock.now
            let (fields, accepted, how) = await runOnce(spec)
            let elapsed = Int(started.duration(to: .now).seconds * 1000)
            var result = task
            for (key, value) in fields { result[key] = value }
            let verdict = fields["error"] == .null ? "ok"
                : accepted ? "\(Self.describe(fields["error"])), accepted" : "failed (\(Self.describe(fields["error"])))"
            if accepted || attempt > spec.retries || Task.isCancelled {
                logger.info("\(label) `\(spec.cmd)`: \(how), \(verdict), \(elapsed) ms")
                return Result(task: result, accepted: accepted)
            }
            logger.warning("\(label) `\(spec.cmd)`: \(how), \(verdict), \(elapsed) ms; retry \(attempt) of \(spec.retries)")
        }
    }

    /// Begins the native answers of `NativeCatalogs.early` that the policy answers natively; returns their
    /// commands.
    func beginEarlyAnswers() -> [String] {
        guard let headStart else { return [] }
        var begun: [String] = []
        for cmd in NativeCatalogs.early {
            guard let plan = catalogs.nativePlan(for: cmd, installed: installed) else { continue }
            for case .subcommand(let arguments) in plan.steps {
                let child = process([selfExecutable] + arguments, deadline: nil, environment: nativeEnvironment)
                headStart.start(arguments) { await Self.runDetached(child) }
            }
            begun.append(cmd)
        }
        return begun
    }

    private func runOnce(_ spec: TaskSpec) async -> (fields: [String: JSONValue], accepted: Bool, how: String) {
        if let url = spec.downloadURL {
            do {
                try await fetch(url)
            } catch {
                // No exit code: the old runner sent such an error as a string, and the batch stops.
                let message = "mkagent: cannot download \(url): \(error)"
                return (["stdout": .string(""), "stderr": .string(message + "\n"), "error": .string(message)], false, "download failed")
            }
        }
        let deadline = spec.timeoutMilliseconds.map { ContinuousClock.now + .milliseconds(Int64($0)) }
        let outcome: ChildProcess.Outcome
        let how: String
        if let plan = catalogs.nativePlan(for: spec.cmd, installed: installed) {
            outcome = await runNative(plan, deadline: deadline)
            how = "native (" + plan.steps.map { step in
                if case .subcommand(let arguments) = step { return "mkagent " + arguments.joined(separator: " ") }
                return "echo"
            }.joined(separator: "; ") + ")"
        } else {
            outcome = await Self.runDetached(process([shell, "-c", spec.cmd], deadline: deadline))
            how = shell + " -c"
        }
        let (fields, accepted) = Self.fields(outcome, spec: spec)
        return (fields, accepted, how)
    }

    private func process(_ arguments: [String], deadline: ContinuousClock.Instant?, environment: [String: String] = [:]) -> ChildProcess {
        var child = ChildProcess(arguments: arguments)
        child.environment = environment
        child.directory = workDirectory
        child.deadline = deadline
        child.outputLimit = outputLimit
        return child
    }

    /// The steps in order, one deadline for all; the exit status is the last subcommand's.
    private func runNative(_ plan: NativeCatalogs.Plan, deadline: ContinuousClock.Instant?) async -> ChildProcess.Outcome {
        var total = ChildProcess.Outcome(end: .exited(0))
        for step in plan.steps {
            switch step {
            case .text(let text):
                total.stdout += Array(text.utf8)
            case .subcommand(let arguments):
                let part: ChildProcess.Outcome
                if let early = await headStart?.take(arguments, deadline: deadline) {
                    part = early
                } else {
                    part = await Self.runDetached(process([selfExecutable] + arguments, deadline: deadline, environment: nativeEnvironment))
                }
                total.stdout += part.stdout
                total.stderr += part.stderr
                total.end = part.end
                total.killed = part.killed
                if part.killed != nil { return total }
            }
        }
        return total
    }

    /// GET `url` into the work directory under the URL path's last component, mode 0555.
    private func fetch(_ url: String) async throws -> Void {
        let bytes = try await download(url)
        let path = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
        guard let name = path.split(separator: "/").last.map(String.init), !name.contains(":") else {
            throw AgentHTTPClient.Failure(kind: .badReply, detail: "no file name in \(url)")
        }
        let target = workDirectory + "/" + name
        unlink(target)  // a previous download is read-only
        do {
            try AgentFiles.writeAtomically(target, bytes)
        } catch {
            throw AgentHTTPClient.Failure(kind: .badReply, detail: "\(error)")
        }
        chmod(target, 0o555)
    }

    /// `stdout`, `stderr`, `error` as the server reads them: `error` null on success, else Node's exec
    /// error `{killed, code, signal, cmd}` (code null when a signal ended the process), or a string when
    /// nothing ran.
    static func fields(_ outcome: ChildProcess.Outcome, spec: TaskSpec) -> (fields: [String: JSONValue], accepted: Bool) {
        var stderr = String(decoding: outcome.stderr, as: UTF8.self)
        var fields: [String: JSONValue] = ["stdout": .string(String(decoding: outcome.stdout, as: UTF8.self))]
        var accepted = false
        switch outcome.killed {
        case .timeout: stderr += "mkagent: killed after the task's timeout of \(Int(spec.timeoutMilliseconds ?? 0)) ms\n"
        case .outputLimit: stderr += "mkagent: killed, standard output exceeded the output limit\n"
        case .stopping: stderr += "mkagent: killed, the agent is stopping\n"
        case nil: break
        }
        switch outcome.end {
        case .exited(let code) where outcome.killed == nil:
            accepted = code == 0 || spec.acceptedCodes.contains(code)
            fields["error"] = code == 0 ? .null : error(killed: false, code: .int(Int64(code)), signal: .null, cmd: spec.cmd)
        case .exited, .signaled:
            var signal: Int32 = SIGTERM
            if case .signaled(let number) = outcome.end { signal = number }
            fields["error"] = error(killed: outcome.killed != nil, code: .null, signal: .string(signalName(signal)), cmd: spec.cmd)
        case .notStarted(let message):
            stderr += "mkagent: \(message)\n"
            fields["error"] = .string(message)
        }
        fields["stderr"] = .string(stderr)
        return (fields, accepted)
    }

    private static func error(killed: Bool, code: JSONValue, signal: JSONValue, cmd: String) -> JSONValue {
        .object(["killed": .bool(killed), "code": code, "signal": signal, "cmd": .string(cmd)])
    }

    static func signalName(_ number: Int32) -> String {
        let names: [Int32: String] = [
            SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGILL: "SIGILL", SIGABRT: "SIGABRT",
            SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGKILL: "SIGKILL", SIGSEGV: "SIGSEGV", SIGPIPE: "SIGPIPE",
            SIGALRM: "SIGALRM", SIGTERM: "SIGTERM", SIGUSR1: "SIGUSR1", SIGUSR2: "SIGUSR2",
        ]
        return names[number] ?? "SIG\(number)"
    }

    private static func describe(_ error: JSONValue?) -> String {
        switch error {
        case .object(let fields)?:
            if let code = fields["code"], code != .null { return "exit \(code.scalarText ?? "?")" }
            return (fields["killed"] == .bool(true) ? "killed, " : "") + (fields["signal"]?.scalarText ?? "signal")
        case .string(let text)?: return text
        default: return "no error"
        }
    }

    /// Runs the blocking child on a thread of its own; cancelling the task (SIGTERM to the agent) ends
    /// the child's process group.
    static func runDetached(_ child: ChildProcess) async -> ChildProcess.Outcome {
        let stop = StopFlag()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    continuation.resume(returning: child.run(stopping: { stop.isSet }))
                }
            }
        } onCancel: {
            stop.set()
        }
    }
}

/// A flag one thread sets and another polls.
final class StopFlag: Sendable {
    private let value = Atomic<Bool>(false)
    func set() { value.store(true, ordering: .relaxed) }
    var isSet: Bool { value.load(ordering: .relaxed) }
}
