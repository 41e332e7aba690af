import Foundation
import Testing

/// The server misbehaves; the agent keeps running, logs once per state change, backs off, and delivers
/// every registration it collected exactly once after the server accepts it.
@Suite(.serialized) struct HanlonFaultTests {
    static func failureLines(_ log: String) -> Int {
        log.components(separatedBy: "\n").filter { $0.contains("server exchange failed (") }.count
    }

    @Test func serverDownAtStart_thenUp_registers() throws {
        let h = try HanlonHarness()
        try h.server.stop()
        let agent = try h.startAgent()
        usleep(800_000)
        #expect(agent.process.isRunning)
        #expect(Self.failureLines(agent.log) == 1, "one line for the whole outage:\n\(agent.log)")
        try h.server.start()
        #expect(eventually { h.server.registrations.count == 1 })
        #expect(eventually { agent.log.contains("server answers again") })
        #expect(h.deliveryIsExact().0, "\(h.deliveryIsExact().1)")
    }

    @Test func serverKilledMidRun_factsChangedMeanwhile_agentRestarted_nothingLost() throws {
        let h = try HanlonHarness()
        let agent = try h.startAgent()
        #expect(eventually { h.server.registrations.count == 1 })
        try h.server.stop()
        try h.host.setMemory(8_192_000)
        #expect(eventually { agent.log.contains("registration 2") })
        usleep(300_000)
        agent.kill9()
        // The registration is on disk, not in the dead process.
        let pending = try FileManager.default.contentsOfDirectory(atPath: h.spool).filter { $0.hasPrefix("pending-") }
        #expect(pending.count == 1, "\(pending)")
        try h.server.start()
        try h.startAgent()
        #expect(eventually { h.server.registrations.filter { $0.answered == 200 }.count == 2 })
        #expect(h.server.registrations.last?.attributes["memorysize"] == "7.81 GiB")
        let mark = h.server.checkins.count
        #expect(eventually { h.server.checkins.count >= mark + 4 })
        #expect(h.deliveryIsExact().0, "\(h.deliveryIsExact().1)")
    }

    @Test func status500_thenHealthy() throws {
        let h = try HanlonHarness()
        h.server.fault = .status500
        let agent = try h.startAgent()
        #expect(eventually { h.server.checkins.count >= 3 })
        #expect(agent.process.isRunning)
        #expect(Self.failureLines(agent.log) == 1, "\(agent.log)")
        #expect(agent.log.contains("HTTP 500"))
        h.server.fault = .none
        #expect(eventually { h.server.registrations.filter { $0.answered == 200 }.count == 1 })
        #expect(h.deliveryIsExact().0, "\(h.deliveryIsExact().1)")
    }

    @Test func registerFailsWith500_isRetried_untilAcknowledged() throws {
        let h = try HanlonHarness()
        let agent = try h.startAgent()
        #expect(eventually { h.server.registrations.count == 1 })
        h.server.faultOnly = "/node/register"
        h.server.fault = .status500
        try h.host.setMemory(8_192_000)
        #expect(eventually { h.server.registrations.filter { $0.answered == 500 }.count >= 2 })
        h.server.fault = .none
        #expect(eventually { h.server.registrations.last?.answered == 200 && h.server.registrations.last?.attributes["memorysize"] == "7.81 GiB" })
        usleep(300_000)
        #expect(agent.process.isRunning)
        #expect(h.deliveryIsExact().0, "\(h.deliveryIsExact().1)")
    }

    @Test func slowServer_timesOut_andRetries() throws {
        let h = try HanlonHarness()
        h.server.fault = .delay(10)
        let agent = try h.startAgent(extra: ["--request-timeout", "0.2"])
        #expect(eventually { h.server.checkins.count >= 2 })
        #expect(eventually { agent.log.contains("timeout") }, "\(agent.log)")
        #expect(Self.failureLines(agent.log) == 1, "\(agent.log)")
        h.server.fault = .none
        #expect(eventually { h.server.registrations.filter { $0.answered == 200 }.count == 1 })
        #expect(h.deliveryIsExact().0, "\(h.deliveryIsExact().1)")
    }

    @Test func truncatedJSON_andWrongContentType_areBadReplies() throws {
        let h = try HanlonHarness()
        h.server.fault = .truncatedJSON
        let agent = try h.startAgent()
        #expect(eventually { h.server.checkins.count >= 3 })
        #expect(agent.log.contains("badReply"), "\(agent.log)")
        #expect(h.server.registrations.isEmpty, "no command is taken from a reply that does not parse")
        h.server.fault = .wrongContentType
        let mark = h.server.checkins.count
        #expect(eventually { h.server.checkins.count >= mark + 3 })
        // Same state (a bad reply) — still one line.
        #expect(Self.failureLines(agent.log) == 1, "\(agent.log)")
        h.server.fault = .none
        #expect(eventually { h.server.registrations.filter { $0.answered == 200 }.count == 1 })
        #expect(agent.process.isRunning)
        #expect(h.deliveryIsExact().0, "\(h.deliveryIsExact().1)")
    }

    @Test func backoff_spacesOutAttempts_whileTheServerIsDown() throws {
        let h = try HanlonHarness(interval: 0.01)
        try h.server.stop()
        let agent = try h.startAgent(extra: ["--retry-min", "0.1", "--retry-max", "0.4", "--request-timeout", "0.05"], logLevel: "debug")
        usleep(2_000_000)
        let attempts = agent.log.components(separatedBy: "\n").filter { $0.contains("server exchange failed") }.count
        // Without backoff a 0.01 s interval and 0.05 s calls would try ~30 times in 2 s; with delays
        // drawn from 0.05-0.1, 0.1-0.2, then 0.2-0.4 s, about 7.
        #expect(attempts >= 3 && attempts <= 12, "\(attempts) attempts")
        #expect(Self.failureLines(agent.log) == 1, "logged once at error level, the rest at debug")
    }
}
