import Foundation
import Testing

/// The server misbehaves or the runner is stopped; finished batches are never lost and never posted twice.
@Suite(.serialized) struct RackHDFaultTests {
    static func twoJobs(exit: String = "0") -> [[String: Any]] {
        [["tasks": [["cmd": "echo first"]]], ["tasks": [["cmd": "echo second"]], "exit": exit]]
    }

    @Test func serverDownAtStart_thenUp_runsTheGraph() throws {
        let h = try RackHDHarness(jobs: Self.twoJobs())
        try h.server.stop()
        let agent = try h.startAgent()
        let failures = { agent.log.components(separatedBy: "\n").filter { $0.contains("server exchange failed (") }.count }
        #expect(eventually { failures() == 1 }, "\(agent.log)")
        usleep(500_000)
        #expect(agent.running.process.isRunning, "waits for the server")
        #expect(failures() == 1, "one line for the whole outage:\n\(agent.log)")
        try h.server.start()
        #expect(agent.waitForExit(timeout: 30) == 0, "\(agent.log)")
        #expect(h.server.posts.map(\.job) == [0, 1])
        #expect(agent.log.contains("server answers again"))
    }

    @Test func postAnswered500_thenAgentKilled_thenServerHealthy_resultPostedOnceAfterRestart() throws {
        let h = try RackHDHarness(jobs: Self.twoJobs())
        h.server.fault = .postStatus500
        let first = try h.startAgent()
        #expect(eventually { h.server.requests.filter { $0.method == "POST" }.count >= 3 }, "keeps reposting:\n\(first.log)")
        first.running.kill9()
        let pending = try FileManager.default.contentsOfDirectory(atPath: h.spool + "/rackhd").filter { $0.hasPrefix("pending-") }
        #expect(pending.count == 1, "the finished batch is on disk: \(pending)")
        h.server.fault = .none
        let second = try h.startAgent()
        #expect(second.waitForExit(timeout: 30) == 0, "\(second.log)")
        let accepted = h.server.posts
        #expect(accepted.map(\.job) == [0, 1], "each job's result accepted exactly once")
        #expect(accepted.first?.tasks.first?["stdout"] as? String == "first\n")
        #expect(h.server.requests.filter { $0.method == "GET" && $0.path.hasSuffix("/tasks/\(h.server.nodeID)") }.count >= 2)
    }

    @Test func slowServer_pastTheRequestTimeout_retriedUntilItAnswersInTime() throws {
        let h = try RackHDHarness(jobs: Self.twoJobs())
        h.server.fault = .delay(3)
        let agent = try h.startAgent()
        #expect(eventually(timeout: 10) { agent.log.contains("timeout") }, "\(agent.log)")
        #expect(h.server.posts.isEmpty)
        h.server.fault = .none
        #expect(agent.waitForExit(timeout: 30) == 0, "\(agent.log)")
        #expect(h.server.posts.map(\.job) == [0, 1])
    }

    @Test func noServerOrNoIdentity_isAClearErrorWithStatus1() throws {
        let empty = try ScratchDirectory()
        let noServer = try MkAgentProcess.run(["run", "--rackhd", "--root", empty.path])
        #expect(noServer.status == 1 && noServer.stderr.contains("no RackHD server"), "\(noServer.stderr)")
        let noMAC = try MkAgentProcess.run(["run", "--rackhd", "--server", "127.0.0.1:9", "--root", empty.path])
        #expect(noMAC.status == 1 && noMAC.stderr.contains("no MAC address"), "\(noMAC.stderr)")
        let badPolicy = try MkAgentProcess.run(["run", "--rackhd", "--native-catalogs", "sometimes"])
        #expect(badPolicy.status == 64)
    }

    @Test func unknownMAC_isRetriedNotFatal() throws {
        let h = try RackHDHarness(jobs: Self.twoJobs())
        let agent = try h.startAgent(extra: ["--mac", "02:00:00:00:00:01"])
        #expect(eventually { h.server.requests.filter { $0.path.hasSuffix("bootstrap.js") }.count >= 3 })
        #expect(agent.running.process.isRunning && agent.log.contains("HTTP 404"), "\(agent.log)")
        #expect(agent.running.stop() == 0, "SIGTERM ends it cleanly")
    }

    @Test func sigtermDuringAHangingTask_endsTheTask_keepsTheFinishedOnes_deliversThemNextRun() throws {
        let h = try RackHDHarness(jobs: [["tasks": [["cmd": "echo done"], ["cmd": "echo $$ > shell.pid; sleep 60"], ["cmd": "echo never"]]]])
        let agent = try h.startAgent()
        let pidFile = h.workDirectory + "/shell.pid"
        #expect(eventually { FileManager.default.fileExists(atPath: pidFile) })
        usleep(100_000)
        let started = Date()
        #expect(agent.running.stop(timeout: 10) == 0)
        #expect(Date().timeIntervalSince(started) < 5, "stopped promptly")
        let pid = Int32((try? String(contentsOfFile: pidFile, encoding: .utf8))?.filter(\.isNumber) ?? "") ?? 0
        #expect(pid > 0 && kill(pid, 0) != 0, "the task's shell is gone")
        #expect(h.server.posts.isEmpty)
        let pending = try FileManager.default.contentsOfDirectory(atPath: h.spool + "/rackhd").filter { $0.hasPrefix("pending-") }
        #expect(pending.count == 1, "the interrupted batch is spooled: \(pending)")

        let next = try h.startAgent()
        #expect(eventually { h.server.posts.count == 1 }, "\(next.log)")
        let tasks = h.server.posts.first?.tasks ?? []
        #expect(h.server.posts.first?.violations.isEmpty == true)
        #expect(tasks.count == 3 && tasks[0]["stdout"] as? String == "done\n", "the finished task's output survived")
        #expect((tasks[1]["error"] as? [String: Any])?["killed"] as? Bool == true && (tasks[1]["stderr"] as? String ?? "").contains("stopping"))
        #expect(tasks[2]["stdout"] == nil)
        #expect(next.running.stop() == 0)
    }
}

/// The runner as PID 1 (an overlay's init, a container's entry point): it reaps orphans without stealing its
/// tasks' exit statuses, and acts on the server's exit itself.
@Suite(.serialized) struct RackHDPIDOneTests {
    @Test(.enabled(if: PIDOneTests.canUnshare, "needs root and unshare(1) for a new PID namespace"))
    func asPID1_taskStatusesIntact_orphansReaped_exitActedOn() throws {
        let jobs: [[String: Any]] = [
            ["tasks": [
                ["cmd": "(sleep 0.3; true) & exit 0"],
                ["cmd": "sleep 1.5; exit 3", "acceptedResponseCodes": [3]],
                ["cmd": "sleep 1.2; exit 4"],
            ]],
            ["tasks": [["cmd": ""]], "exit": "1"],
        ]
        let h = try RackHDHarness(jobs: jobs)
        let actions = h.scratch.path + "/actions.log"
        let script = h.scratch.path + "/action.sh"
        try "#!/bin/sh\necho \"$1\" >> '\(actions)'\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        let agent = try h.startAgent(extra: ["--on-exit", "auto", "--action", "command:" + script],
                                     wrapper: [PIDOneTests.unshare!, "--pid", "--fork", "--kill-child"])
        #expect(eventually(timeout: 30) { ((try? String(contentsOfFile: actions, encoding: .utf8)) ?? "") == "reboot\n" }, "\(agent.log)")
        let tasks = h.server.posts.first?.tasks ?? []
        #expect(tasks.count == 3 && (tasks[1]["error"] as? [String: Any])?["code"] as? Int == 3, "the reaper left the status alone: \(tasks)")
        #expect((tasks[2]["error"] as? [String: Any])?["code"] as? Int == 4)
        // PID 1 does not exit after acting: it waits for the reboot. SIGTERM still ends it.
        #expect(agent.running.process.isRunning)
        let unsharePID = agent.running.process.processIdentifier
        let pid1 = try #require(PIDOneTests.processes().first { $0.ppid == unsharePID }?.pid)
        // unshare runs with SIGTERM blocked (Foundation's Process): a hung PID 1 would hang the test.
        defer { kill(pid1, SIGKILL) }
        kill(pid1, SIGTERM)
        #expect(agent.waitForExit(timeout: 10) != nil)
    }
}

/// The runner under a service manager (units/mkagent-rackhd.service): READY=1 once the node is known,
/// STATUS= per task, WATCHDOG=1 while it polls.
@Suite(.serialized) struct RackHDSystemdNotifyTests {
    @Test(.enabled(if: SystemdNotifyTests.libsystemdPresent, "libsystemd.so.0 is not installed: sd_notify cannot be loaded"))
    func ready_taskStatus_andWatchdog_reachTheNotifySocket() throws {
        let h = try RackHDHarness(jobs: [["tasks": [["cmd": "sleep 0.3"]]]])
        let socket = try SystemdNotifyTests.NotifySocket(path: h.scratch.path + "/notify.sock")
        let agent = try h.startAgent(environment: ["NOTIFY_SOCKET": socket.path, "WATCHDOG_USEC": "200000"])
        var messages: [String] = []
        #expect(eventually(timeout: 10) {
            if let m = socket.receive() { messages.append(m) }
            return messages.contains { $0.contains("READY=1") && $0.contains("node \(h.server.nodeID)") }
                && messages.contains("STATUS=running task 1/1") && messages.contains("WATCHDOG=1") && h.server.posts.count == 1
        }, "\(messages)")
        #expect(agent.running.stop() == 0)
    }
}
