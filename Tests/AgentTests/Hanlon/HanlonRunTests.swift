import Foundation
import Testing

/// `mkagent run` as a real process against the Hanlon test server.
@Suite(.serialized) struct HanlonRunTests {
    @Test func firstCheckin_registers_thenIsAcknowledged_withoutResendingUnchangedFacts() throws {
        let h = try HanlonHarness()
        let agent = try h.startAgent()
        #expect(eventually { h.server.registrations.count == 1 && h.server.checkins.count >= 4 }, "\(agent.log)")
        let first = try #require(h.server.checkins.first)
        #expect(first.query["first_checkin"] == "true")
        #expect(first.query["last_state"] == "idle")
        #expect(first.query["uuid"] == "4231C3C1-0000-1111-2222-333344445555")
        #expect(first.query["mac_id"] == "525400abcdef")
        #expect(h.server.checkins.dropFirst(2).allSatisfy { $0.query["first_checkin"] == nil })

        let registration = try #require(h.server.registrations.first)
        #expect(registration.contentType == "text/json")
        let json = try #require(registration.json)
        #expect(json["last_state"] as? String == "idle")
        #expect(json["uuid"] as? String == "4231C3C1-0000-1111-2222-333344445555")
        #expect(json["mac_id"] as? String == "525400abcdef")
        let facts = registration.attributes
        #expect(facts["memorysize"] == "3.86 GiB")
        #expect(facts["macaddress_eth0"] == "52:54:00:ab:cd:ef")
        #expect(facts["hostname"] == "mk525400abcdef")
        #expect(facts["mk_hw_nic_count"] == "1")
        #expect(facts["mk_hw_nic0_bus_info"] == "pci@0000:00:03.0")
        // The server's default mk_fact_excl_pattern.
        #expect(facts["memoryfree"] == nil && facts["memoryfree_mb"] == nil)
        #expect(!facts.keys.contains { $0.hasPrefix("kernel") || $0.hasPrefix("swap") })
        #expect(h.server.nodes["4231C3C1-0000-1111-2222-333344445555"]?.macs == ["525400ABCDEF"])

        let milliseconds = Int(registration.at.timeIntervalSince(agent.startedAt) * 1000)
        print("time from process start to the first register request: \(milliseconds) ms")
        // Acknowledged from then on; unchanged facts are not sent again.
        let checkinsBefore = h.server.checkins.count
        #expect(eventually { h.server.checkins.count >= checkinsBefore + 5 })
        #expect(h.server.registrations.count == 1)
        #expect(agent.stop() == 0, "SIGTERM ends the agent with status 0")
        let (exact, detail) = h.deliveryIsExact()
        #expect(exact, "\(detail)")
    }

    @Test func clientConfig_changedInterval_changesTheCheckinRate() throws {
        let h = try HanlonHarness(interval: 1.0)
        try h.startAgent()
        #expect(eventually { h.server.checkins.count >= 2 })
        h.server.setClientConfig("mk_checkin_interval", 0.04)
        // The next reply carries the new interval; from then on the agent checks in every 0.04 s.
        let before = h.server.checkins.count
        #expect(eventually(timeout: 3) { h.server.checkins.count > before })
        let mark = h.server.checkins.count
        usleep(1_000_000)
        // At 1 s, one second holds at most one checkin.
        #expect(h.server.checkins.count - mark >= 4, "\(h.server.checkins.count - mark) checkins in 1 s")
        #expect(h.agent?.log.contains("client_config from the server: interval 0.04") == true)
    }

    @Test func factChange_isRegisteredOnce() throws {
        let h = try HanlonHarness()
        try h.startAgent()
        #expect(eventually { h.server.registrations.count == 1 })
        try h.host.setMemory(8_192_000)
        #expect(eventually { h.server.registrations.count == 2 })
        #expect(h.server.registrations.last?.attributes["memorysize"] == "7.81 GiB")
        let mark = h.server.checkins.count
        #expect(eventually { h.server.checkins.count >= mark + 5 })
        #expect(h.server.registrations.count == 2)
        #expect(h.server.nodes.values.first?.attributes["memorysize"] == "7.81 GiB")
        h.agent?.stop()
        #expect(h.deliveryIsExact().0, "\(h.deliveryIsExact().1)")
    }

    @Test func registerCommand_fromTheServer_resendsTheFacts() throws {
        let h = try HanlonHarness()
        try h.startAgent()
        #expect(eventually { h.server.registrations.count == 1 && h.server.checkins.count >= 2 })
        h.server.queueCommand("register")
        #expect(eventually { h.server.registrations.count == 2 })
        #expect(h.server.registrations[0].body == h.server.registrations[1].body)
    }

    @Test func restart_withUnchangedFacts_sendsNothingAgain() throws {
        let h = try HanlonHarness()
        let first = try h.startAgent()
        // Stopped only once the agent has the answer: a SIGTERM while the register call is in flight
        // cancels it, and the next run rightly sends it again (at-least-once).
        #expect(eventually { first.log.contains("registration 1 (digest") && first.log.contains("acknowledged") })
        #expect(first.stop() == 0)
        let mark = h.server.checkins.count
        try h.startAgent()
        #expect(eventually { h.server.checkins.count >= mark + 5 })
        #expect(h.server.registrations.count == 1)
        #expect(h.server.checkins[mark].query["first_checkin"] == nil, "acknowledged before: not a first checkin")
    }

    @Test func rebootAndPoweroff_runTheConfiguredCommand() throws {
        let h = try HanlonHarness()
        try h.startAgent()
        #expect(eventually { h.server.registrations.count == 1 })
        h.server.queueCommand("reboot")
        h.server.queueCommand("poweroff")
        #expect(eventually { ((try? String(contentsOfFile: h.actionLog, encoding: .utf8)) ?? "") == "reboot\npoweroff\n" })
    }

    @Test func reboot_isWrittenIntoTheHostFIFO() throws {
        let h = try HanlonHarness()
        let fifo = h.scratch.path + "/node-state-channel"
        #expect(mkfifo(fifo, 0o600) == 0)
        // The host side's reader (listen-cmd-channel.sh), opened before the agent needs it.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        try h.startAgent(extra: ["--action", "fifo:" + fifo])
        #expect(eventually { h.server.registrations.count == 1 })
        h.server.queueCommand("reboot")
        var received = ""
        #expect(eventually {
            var buffer = [UInt8](repeating: 0, count: 64)
            let n = read(reader, &buffer, 64)
            if n > 0 { received += String(decoding: buffer[..<n], as: UTF8.self) }
            return received == "reboot\n"
        }, "read \(received.debugDescription)")
    }

    @Test func dryRunActions_onlyLog() throws {
        let h = try HanlonHarness()
        let agent = try h.startAgent(extra: ["--dry-run-actions"])
        #expect(eventually { h.server.registrations.count == 1 })
        h.server.queueCommand("poweroff")
        #expect(eventually { agent.log.contains("server asked for poweroff; --dry-run-actions: not acting") })
        #expect(!FileManager.default.fileExists(atPath: h.actionLog))
    }

    @Test func noServerConfigured_isAClearError() throws {
        let scratch = try ScratchDirectory()
        let result = try MkAgentProcess.run(["run", "--mk-conf", scratch.path + "/absent.yaml", "--spool-dir", scratch.path, "--root", scratch.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no Hanlon server"))
    }

    @Test func serverFromTheKernelCommandLine_legacyHanlonIP() throws {
        let h = try HanlonHarness()
        try h.host.write("proc/cmdline", "smbios_uuid=4231c3c1-0000-1111-2222-333344445555 hanlon.ip=127.0.0.1 hanlon.port=\(h.server.port)\n")
        try h.startAgent(extra: ["--mk-conf", h.scratch.path + "/absent.yaml"])
        #expect(eventually { h.server.registrations.count == 1 })
    }
}
