import Foundation
import Testing

/// mkagent as PID 1 (a container's entry point): orphans re-parented to it are reaped, SIGTERM still stops it.
@Suite(.serialized) struct PIDOneTests {
    static let unshare = ["/usr/bin/unshare", "/bin/unshare"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let canUnshare = unshare != nil && getuid() == 0

    /// (pid, state, ppid) of every process, from /proc/PID/stat.
    static func processes() -> [(pid: Int32, state: Character, ppid: Int32)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { name in
            guard let pid = Int32(name), let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            let fields = stat[stat.index(close, offsetBy: 2)...].split(separator: " ")
            guard fields.count > 1, let state = fields[0].first, let ppid = Int32(fields[1]) else { return nil }
            return (pid, state, ppid)
        }
    }

    @Test(.enabled(if: canUnshare, "needs root and unshare(1) for a new PID namespace"))
    func asPID1_orphansAreReaped() throws {
        let h = try HanlonHarness()
        // The action leaves an orphan behind: its parent exits at once, so it is re-parented to PID 1.
        let script = h.scratch.path + "/orphan.sh"
        try "#!/bin/sh\n(sleep 0.2; echo done >> '\(h.actionLog)') &\nexit 0\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        try h.startAgent(extra: ["--action", "command:" + script], wrapper: [Self.unshare!, "--pid", "--fork", "--kill-child"])
        let unsharePID = try #require(h.agent?.process.processIdentifier)
        #expect(eventually { h.server.registrations.count == 1 }, "\(h.agent?.log ?? "")")
        let agentPID = try #require(Self.processes().first { $0.ppid == unsharePID }?.pid, "mkagent under unshare")
        h.server.queueCommand("reboot")
        h.server.queueCommand("poweroff")
        #expect(eventually { ((try? String(contentsOfFile: h.actionLog, encoding: .utf8)) ?? "").components(separatedBy: "done").count == 3 })
        // The reaper runs every second.
        #expect(eventually(timeout: 5) { !Self.processes().contains { $0.ppid == agentPID && $0.state == "Z" } },
                "zombies left under mkagent: \(Self.processes().filter { $0.ppid == agentPID })")
        // SIGTERM to mkagent itself (PID 1 inside): a graceful stop, whose status unshare passes on.
        kill(agentPID, SIGTERM)
        #expect(eventually { h.agent?.process.isRunning == false })
        #expect(h.agent?.process.terminationStatus == 0)
    }
}
