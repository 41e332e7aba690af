import CLinux
#if canImport(Glibc)
import Glibc
#endif

/// One program run to completion with its output captured: its own process group (so a timeout kills
/// the whole pipeline a shell started), stdin from /dev/null, a deadline, a cap on standard output.
struct ChildProcess {
    /// Why mkagent ended the process itself.
    enum KillReason: String, Sendable, Equatable {
        case timeout, outputLimit, stopping
    }

    enum End: Sendable, Equatable {
        case exited(Int32)
        case signaled(Int32)
        /// posix_spawn failed (no such program, no memory): nothing ran.
        case notStarted(String)
    }

    struct Outcome: Sendable, Equatable {
        var stdout: [UInt8] = []
        var stderr: [UInt8] = []
        var end: End
        var killed: KillReason?
    }

    var arguments: [String]
    /// Added to (or replacing in) mkagent's own environment.
    var environment: [String: String] = [:]
    var directory: String?
    var deadline: ContinuousClock.Instant?
    var outputLimit = 5000 * 1024
    /// Seconds between SIGTERM and SIGKILL when mkagent ends the process group.
    var killGrace = 2.0

    /// Runs the process; blocks the calling thread. `stopping` is polled every 100 ms: when it turns true
    /// the process group is ended as on a timeout.
    func run(stopping: () -> Bool = { false }) -> Outcome {
        ChildReaper.waiting { runWaiting(stopping: stopping) }
    }

    private func runWaiting(stopping: () -> Bool) -> Outcome {
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard mkagent_pipe_cloexec(&outPipe) == 0 else { return Outcome(end: .notStarted("pipe: \(Self.errnoText())")) }
        guard mkagent_pipe_cloexec(&errPipe) == 0 else {
            close(outPipe[0]); close(outPipe[1])
            return Outcome(end: .notStarted("pipe: \(Self.errnoText())"))
        }
        let pid = spawn(stdout: outPipe[1], stderr: errPipe[1])
        close(outPipe[1])
        close(errPipe[1])
        guard case .success(let child) = pid else {
            close(outPipe[0]); close(errPipe[0])
            if case .failure(let message) = pid { return Outcome(end: .notStarted(message.text)) }
            return Outcome(end: .notStarted("spawn failed"))
        }
        var outcome = collect(child: child, stdoutFD: outPipe[0], stderrFD: errPipe[0], stopping: stopping)
        close(outPipe[0])
        close(errPipe[0])
        outcome.end = Self.wait(child)
        return outcome
    }

    private struct SpawnError: Error { var text: String }

    private func spawn(stdout: Int32, stderr: Int32) -> Result<pid_t, SpawnError> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        if let directory {
            let status = withUnsafeMutablePointer(to: &actions) { mkagent_spawn_add_chdir($0, directory) }
            if status != 0 { return .failure(SpawnError(text: "cannot use directory \(directory): \(String(cString: strerror(status)))")) }
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A new process group, default signal dispositions and an empty mask: the child must not inherit
        // the agent's blocked SIGTERM/SIGINT (service-lifecycle blocks them to handle them itself).
        var defaults = sigset_t()
        sigfillset(&defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var merged = ProcessEnvironment.current
        merged.merge(environment) { $1 }
        let envp: [UnsafeMutablePointer<CChar>?] = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer {
            envp.forEach { free($0) }
            argv.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard status == 0 else { return .failure(SpawnError(text: "cannot run \(arguments[0])\(directory.map { " in \($0)" } ?? ""): \(String(cString: strerror(status)))")) }
        return .success(pid)
    }

    /// Reads both pipes until they close, ending the group on the deadline, the output cap or `stopping`.
    /// When the child has exited but something it started still holds the pipes open, reading stops after
    /// a second: a daemon a task script started must not hold the batch forever.
    private func collect(child: pid_t, stdoutFD: Int32, stderrFD: Int32, stopping: () -> Bool) -> Outcome {
        var outcome = Outcome(end: .exited(0))
        var open: [Int32] = [stdoutFD, stderrFD]
        var buffer = [UInt8](repeating: 0, count: 65536)
        var childGone: ContinuousClock.Instant?
        var killSent: ContinuousClock.Instant?
        while !open.isEmpty {
            let now = ContinuousClock.now
            if killSent == nil {
                let reason: KillReason? = stopping() ? .stopping
                    : deadline.map { now >= $0 } == true ? .timeout
                    : outcome.stdout.count > outputLimit ? .outputLimit : nil
                if let reason {
                    outcome.killed = reason
                    kill(-child, SIGTERM)
                    killSent = now
                }
            } else if let sent = killSent, sent.duration(to: now) > .seconds(killGrace) {
                kill(-child, SIGKILL)
            }
            if let gone = childGone, gone.duration(to: now) > .seconds(1) { break }
            if childGone == nil, Self.hasExited(child) { childGone = now }

            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), 100)
            guard ready > 0 else { continue }
            for entry in fds where entry.revents != 0 {
                let n = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    if entry.fd == stdoutFD { outcome.stdout += buffer[..<n] } else { outcome.stderr += buffer[..<n] }
                } else if n == 0 || errno != EINTR {
                    open.removeAll { $0 == entry.fd }
                }
            }
        }
        if outcome.stdout.count > outputLimit { outcome.stdout.removeSubrange(outputLimit...) }
        if killSent != nil { kill(-child, SIGKILL) }
        return outcome
    }

    /// Whether the child is a zombie now, without reaping it (waitid with WNOWAIT).
    private static func hasExited(_ pid: pid_t) -> Bool {
        var info = siginfo_t()
        return waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info._sifields._sigchld.si_pid == pid
    }

    private static func wait(_ pid: pid_t) -> End {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return .exited(0) }  // reaped elsewhere; the status is lost
        }
        return status & 0x7f == 0 ? .exited((status >> 8) & 0xff) : .signaled(status & 0x7f)
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
