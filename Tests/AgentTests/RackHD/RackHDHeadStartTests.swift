import Foundation
import Testing
@testable import Agent

/// The LLDP answer begun when the runner starts (`HeadStart`), with a real lldpd as the switch on a veth
/// pair whose node end is in the runner's own namespace (the runner must also reach the test server on
/// 127.0.0.1): ready when the task comes later, the neighbour in it, and used once — a second ask listens
/// its whole window anew.
@Suite(.serialized, .enabled(if: LLDPPeer.unavailable == nil, "\(LLDPPeer.unavailable ?? "")"))
struct RackHDHeadStartTests {
    /// How long the runner's log says the task running CMD took, in milliseconds, for each time it ran.
    static func milliseconds(of cmd: String, in log: String) -> [Int] {
        log.split(separator: "\n").filter { $0.contains("`\(cmd)`: native") }.compactMap { line in
            line.split(separator: " ").last { $0.allSatisfy(\.isNumber) }.flatMap { Int($0) }
        }
    }

    /// keyvalue lines but the neighbours' ages, which differ between two listens.
    static func withoutAges(_ text: String) -> [Substring] {
        text.split(separator: "\n").filter { !$0.contains(".age=") }
    }

    @Test func lldpAnswer_begunAtStart_isReadyWhenTheTaskComes_andAnsweredOnce() throws {
        LLDPPeer.hostInterfaces.lock()
        defer { LLDPPeer.hostInterfaces.unlock() }
        let peer = try LLDPPeer(pairs: 1, nodeInOwnNamespace: true)
        defer { peer.tearDown() }
        try peer.startSwitch(pairs: 1)
        let node = peer.nodeInterfaces[0]
        let window = 4.0
        let jobs: [[String: Any]] = [
            // The lldp task comes after the whole window has passed since the runner started...
            ["tasks": [["cmd": "sleep \(window + 0.5)"]]],
            ["tasks": [["cmd": NativeCatalogs.lldp]]],
            // ... and a second one finds nothing begun.
            ["tasks": [["cmd": NativeCatalogs.lldp]], "exit": "0"],
        ]
        let h = try RackHDHarness(jobs: jobs)
        // This machine's interfaces (the switch's veth among them), not the fixture host's.
        let agent = try h.startAgent(extra: ["--lldp-window", String(window), "--root", "/"])
        #expect(agent.waitForExit(timeout: 60) == 0, "\(agent.log)")
        let posts = h.server.posts
        try #require(posts.count == 3, "\(agent.log)")
        for post in posts { #expect(post.violations.isEmpty, "job \(post.job): \(post.violations)") }
        #expect(agent.log.contains("answering `\(NativeCatalogs.lldp)` natively, begun now"), "\(agent.log)")

        let times = Self.milliseconds(of: NativeCatalogs.lldp, in: agent.log)
        try #require(times.count == 2, "\(agent.log)")
        print("rackhd: lldp task \(times[0]) ms with the answer begun at start, \(times[1]) ms asked again (window \(window) s)")
        #expect(times[0] < Int(window * 1000) / 2, "begun at start: \(times[0]) ms when asked")
        #expect(times[1] >= Int(window * 1000) - 200, "asked again: listens the whole window, \(times[1]) ms")

        // Both answers name the switch, as listening directly on this machine does.
        let direct = try MkAgentProcess.run(["lldp", "-f", "keyvalue", "--lldp-timeout", String(window), "--root", "/"])
        #expect(direct.stdout.contains("lldp.\(node).chassis.name=\(LLDPPeer.systemName)\n"), "\(direct.stdout)")
        for post in posts.dropFirst() {
            let task = try #require(post.tasks.first)
            let stdout = task["stdout"] as? String ?? ""
            #expect(stdout.contains("lldp.\(node).chassis.name=\(LLDPPeer.systemName)\n"), "\(stdout)")
            #expect(Self.withoutAges(stdout) == Self.withoutAges(direct.stdout))
            #expect(task["error"] is NSNull, "\(task)")
        }
    }
}

/// `HeadStart` on its own, with shell children: the deadline, freshness and once-only rules. No wall-clock
/// bounds: the test process's threads may be held by other suites for minutes; a child that was ended is
/// told by what it did not get to print or write.
struct HeadStartTests {
    /// A shell that says it began (and writes its PID to PIDFILE when given), sleeps, then says done.
    static func sleeper(_ seconds: Double, pidFile: String? = nil) -> @Sendable () async -> ChildProcess.Outcome {
        let write = pidFile.map { "echo $$ > '\($0)'; " } ?? ""
        let child = ChildProcess(arguments: ["/bin/sh", "-c", "\(write)echo begun; sleep \(seconds); echo done"])
        return { await TaskExecutor.runDetached(child) }
    }

    @Test func aTaskDeadlineBeforeTheAnswerEnds_endsItsProcess_asATimeout() async {
        let early = HeadStart()
        early.start(["lldp"], run: Self.sleeper(600))
        let outcome = await early.take(["lldp"], deadline: .now + .milliseconds(300))
        #expect(outcome?.killed == .timeout)
        #expect(outcome.map { !String(decoding: $0.stdout, as: UTF8.self).contains("done") } == true)
    }

    @Test func anAnswerIsGivenOnce_andOnlyWhileFresh() async {
        let fresh = HeadStart(maximumAge: .seconds(3600))
        fresh.start(["a"], run: Self.sleeper(0))
        #expect(await fresh.take(["a"], deadline: nil)?.stdout == Array("begun\ndone\n".utf8))
        #expect(await fresh.take(["a"], deadline: nil) == nil, "taken already")
        #expect(await fresh.take(["c"], deadline: nil) == nil, "never begun")
        let stale = HeadStart(maximumAge: .zero)
        stale.start(["b"], run: Self.sleeper(0))
        #expect(await stale.take(["b"], deadline: nil) == nil, "older than maximumAge")
    }

    @Test func stop_endsAnswersNotTaken() async throws {
        let scratch = try ScratchDirectory()
        let pidFile = scratch.path + "/pid"
        let early = HeadStart()
        early.start(["lldp"], run: Self.sleeper(600, pidFile: pidFile))
        await early.stop()
        // Stopped before it began, or ended: either way nothing of it runs any more.
        let pid = (try? String(contentsOfFile: pidFile, encoding: .utf8)).flatMap { Int32($0.filter(\.isNumber)) }
        #expect(pid.map { kill($0, 0) != 0 } ?? true, "the shell \(pid ?? 0) was ended")
        #expect(await early.take(["lldp"], deadline: nil) == nil)
    }
}
