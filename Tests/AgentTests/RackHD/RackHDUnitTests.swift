import Foundation
import Testing
@testable import Agent
@testable import Facts

@Suite struct TaskBatchTests {
    static func batch(_ text: String) -> TaskBatch? { TaskBatch(json: Array(text.utf8)) }

    @Test func nothingNow_isAnEmptyBodyTextOrAnObjectWithoutTasks() {
        #expect(Self.batch("") == nil)
        #expect(Self.batch("Not Found") == nil)
        #expect(Self.batch(#"{"identifier":"x"}"#) == nil)
        #expect(Self.batch(#"[{"cmd":"x"}]"#) == nil)
        #expect(Self.batch(#"{"identifier":"x","tasks":[]}"#)?.tasks.isEmpty == true)
    }

    @Test func exit_asTheServerRendersIt_aStringOrNumberOrCodeObject() {
        #expect(Self.batch(#"{"tasks":[{"cmd":""}],"exit":"1"}"#)?.exitCode == 1)
        #expect(Self.batch(#"{"tasks":[{"cmd":""}],"exit":127}"#)?.exitCode == 127)
        #expect(Self.batch(#"{"tasks":[{"cmd":""}],"exit":{"code":2}}"#)?.exitCode == 2)
        #expect(Self.batch(#"{"tasks":[{"cmd":""}]}"#)?.exitCode == nil)
        #expect(Self.batch(#"{"tasks":[{"cmd":""}],"exit":null}"#)?.exitCode == nil)
    }

    @Test func body_echoesEveryFieldUnchanged_withTheTaskResultsAdded() throws {
        let sent = #"{"identifier":"abc","exit":"1","extra":{"n":1.5,"big":18446744073709551615},"tasks":[{"cmd":"sudo lshw -json","catalog":true,"source":"lshw","format":"json","acceptedResponseCodes":[1,2],"timeout":1000},"bare"]}"#
        var batch = try #require(Self.batch(sent))
        #expect(batch.tasks.count == 2 && batch.tasks[1] == ["cmd": .string("bare")])
        var first = batch.tasks[0]
        first["stdout"] = .string("{}")
        first["error"] = .null
        batch.setTask(0, first)
        let body = try #require(JSONSerialization.jsonObject(with: Data(batch.body())) as? [String: Any])
        #expect(body["identifier"] as? String == "abc" && body["exit"] as? String == "1")
        #expect((body["extra"] as? [String: Any])?["n"] as? Double == 1.5)
        #expect(String(decoding: batch.body(), as: UTF8.self).contains("18446744073709551615"), "64-bit integers kept exact")
        let task = try #require((body["tasks"] as? [[String: Any]])?.first)
        #expect(task["catalog"] as? Bool == true && task["source"] as? String == "lshw" && task["format"] as? String == "json")
        #expect(task["acceptedResponseCodes"] as? [Int] == [1, 2] && task["timeout"] as? Int == 1000)
        #expect(task["stdout"] as? String == "{}" && task["error"] is NSNull)
    }

    @Test func taskSpec_readsTimeoutRetriesAndOnlyNumericAcceptedCodes() {
        let spec = TaskSpec(["cmd": .string("x"), "timeout": .int(2500), "retries": .string("2"), "acceptedResponseCodes": .array([.int(1), .int(3)])])
        #expect(spec.timeoutMilliseconds == 2500 && spec.retries == 2 && spec.acceptedCodes == [1, 3])
        // The old runner ignored the list unless every element was a number.
        #expect(TaskSpec(["cmd": .string("x"), "acceptedResponseCodes": .array([.int(1), .string("3")])]).acceptedCodes.isEmpty)
        #expect(TaskSpec(["cmd": .string("x"), "timeout": .int(0)]).timeoutMilliseconds == nil)
    }
}

@Suite struct NativeCatalogsTests {
    let catalogs = NativeCatalogs(policy: .always, lldpWindowSeconds: 35)

    @Test func everyDiscoveryCatalogCommand_hasANativeAnswer() {
        for job in DiscoveryGraph.jobs {
            for task in job["tasks"] as? [[String: Any]] ?? [] {
                let cmd = task["cmd"] as? String ?? ""
                if cmd.isEmpty { continue }
                #expect(catalogs.plan(for: cmd) != nil, "\(cmd)")
            }
        }
    }

    @Test func answers_areTheMatchingSubcommands() {
        #expect(catalogs.plan(for: "sudo dmidecode")?.steps == [.subcommand(["dmi"])])
        #expect(catalogs.plan(for: NativeCatalogs.lsall)?.steps == [
            .subcommand(["lsblk", "-o", "KNAME,TYPE,ROTA"]), .text("BREAK\n"), .subcommand(["lsscsi", "--size"]),
        ])
        #expect(catalogs.plan(for: "sudo ipmitool -c user list 3")?.steps == [.subcommand(["ipmi", "-c", "user", "list", "3"])])
        #expect(catalogs.plan(for: "sudo ipmitool sel list -c")?.steps == [.subcommand(["ipmi", "sel", "list", "-c"])])
        #expect(catalogs.plan(for: "sudo /usr/sbin/lldpcli show neighbor -f keyvalue")?.steps == [
            .subcommand(["lldp", "-f", "keyvalue", "--lldp-timeout", "35"]),
        ])
    }

    @Test func otherCommands_andNearMisses_goToTheShell() {
        for cmd in ["sudo dmidecode -t 1", "dmidecode", "sudo lshw", "sudo ipmitool raw 0x06 0x01", "sudo ipmitool lan print x",
                    "sudo /usr/sbin/lldpcli show neighbors -f keyvalue", "sudo bash get_smart.sh", ""] {
            #expect(catalogs.plan(for: cmd) == nil, "\(cmd)")
        }
    }

    @Test func policy_autoAnswersOnlyWhenAToolIsMissing() {
        let auto = NativeCatalogs(policy: .auto, lldpWindowSeconds: 1)
        #expect(auto.nativePlan(for: "sudo dmidecode", installed: { _ in true }) == nil)
        #expect(auto.nativePlan(for: "sudo dmidecode", installed: { $0 != "sudo" }) != nil, "no sudo: the shell command would fail")
        #expect(auto.nativePlan(for: NativeCatalogs.lsall, installed: { $0 != "lsscsi" }) != nil)
        #expect(NativeCatalogs(policy: .never, lldpWindowSeconds: 1).nativePlan(for: "sudo dmidecode", installed: { _ in false }) == nil)
    }
}

@Suite struct RackHDSettingsTests {
    @Test func precedence_flagsThenEnvironmentThenKernelCommandLine() throws {
        let cmdline = KernelCommandLine(parsing: "console=ttyS0 API_CB=172.31.128.1:9080 BOOTIF=01-52-54-00-AA-BB-CC auto=true")
        let fromCmdline = try RackHDSettings(.init(commandLine: cmdline))
        #expect(fromCmdline == RackHDSettings(server: "http://172.31.128.1:9080", mac: "52:54:00:aa:bb:cc", nodeID: nil))
        let fromEnv = try RackHDSettings(.init(environment: ["SERVER": "10.1.1.1", "PORT": "9030", "MAC": "52:54:00:00:00:01"], commandLine: cmdline))
        #expect(fromEnv == RackHDSettings(server: "http://10.1.1.1:9030", mac: "52:54:00:00:00:01", nodeID: nil))
        let fromFlags = try RackHDSettings(.init(serverFlag: "https://rackhd.example/", macFlag: "52-54-00-00-00-02", nodeIDFlag: "abc",
                                                 environment: ["SERVER": "10.1.1.1"], commandLine: cmdline))
        #expect(fromFlags == RackHDSettings(server: "https://rackhd.example", mac: "52:54:00:00:00:02", nodeID: "abc"))
        let fallback = try RackHDSettings(.init(serverFlag: "h:1", fallbackMAC: { "52:54:00:00:00:03" }))
        #expect(fallback.mac == "52:54:00:00:00:03")
        let byID = try RackHDSettings(.init(serverFlag: "h:1", nodeIDFlag: "abc", fallbackMAC: { Issue.record("the network was read"); return nil }))
        #expect(byID.mac == nil, "a node id needs no MAC, so the network is not read")
    }

    @Test func missingOrMalformed_isAClearError() {
        #expect(throws: RackHDSettings.Failure.self) { try RackHDSettings(.init(macFlag: "52:54:00:00:00:01")) }
        #expect(throws: RackHDSettings.Failure.self) { try RackHDSettings(.init(serverFlag: "h:1")) }
        #expect(throws: RackHDSettings.Failure.self) { try RackHDSettings(.init(serverFlag: "h:1", macFlag: "52:54:00")) }
        #expect(throws: RackHDSettings.Failure.self) { try RackHDSettings(.init(serverFlag: "a/b", macFlag: "52:54:00:00:00:01")) }
        #expect(throws: RackHDSettings.Failure.self) {
            try RackHDSettings(.init(serverFlag: "h:1", commandLine: KernelCommandLine(parsing: "BOOTIF=01-52-54"), fallbackMAC: { "52:54:00:00:00:03" }))
        }
        #expect((try? RackHDSettings(.init(serverFlag: "h:1", nodeIDFlag: "abc")))?.nodeID == "abc", "a node id needs no MAC")
    }

    @Test func bootstrapScript_givesTheNodeID() {
        let script = "    server = '10.1.1.1',\n    port = '9080',\n    tasksPath = '/api/current/tasks/5a1f0c3e8e9b1a2b3c4d5e6f',\n"
        #expect(RackHDClient.identifier(inBootstrapScript: script) == "5a1f0c3e8e9b1a2b3c4d5e6f")
        #expect(RackHDClient.identifier(inBootstrapScript: "<html>Not Found</html>") == nil)
        #expect(RackHDClient.identifier(inBootstrapScript: "tasksPath = '/api/current/tasks/',") == nil)
    }
}

@Suite struct ChildProcessTests {
    static func sh(_ script: String, deadline: Double? = nil, limit: Int = 5000 * 1024) -> ChildProcess.Outcome {
        var child = ChildProcess(arguments: ["/bin/sh", "-c", script])
        child.deadline = deadline.map { ContinuousClock.now + .milliseconds(Int64($0 * 1000)) }
        child.outputLimit = limit
        child.killGrace = 0.5
        return child.run()
    }

    @Test func outputAndStatus() {
        let outcome = Self.sh("printf 'a\\0b'; echo e >&2; exit 7")
        #expect(outcome.stdout == [0x61, 0, 0x62] && outcome.stderr == Array("e\n".utf8) && outcome.end == .exited(7))
        #expect(Self.sh("kill -9 $$").end == .signaled(SIGKILL))
        #expect(Self.sh("read x; echo \"[$x]\"").stdout == Array("[]\n".utf8), "stdin is /dev/null")
    }

    @Test func deadline_endsTheWholeGroup_evenAShellIgnoringSIGTERM() {
        let started = ContinuousClock.now
        let outcome = Self.sh("trap '' TERM; sleep 20 & sleep 20; wait", deadline: 0.3)
        #expect(outcome.killed == .timeout)
        #expect(outcome.end == .signaled(SIGKILL), "SIGKILL after the grace period")
        #expect(started.duration(to: .now) < .seconds(5))
    }

    @Test func outputLimit_endsTheProcess_andKeepsTheLimit() {
        let outcome = Self.sh("yes", limit: 100_000)
        #expect(outcome.killed == .outputLimit && outcome.stdout.count == 100_000)
    }

    @Test func aDaemonHoldingThePipes_doesNotHoldTheTask() {
        let started = ContinuousClock.now
        let outcome = Self.sh("sleep 20 & echo started")
        #expect(outcome.end == .exited(0) && outcome.stdout == Array("started\n".utf8))
        #expect(started.duration(to: .now) < .seconds(5))
    }

    @Test func missingProgramOrDirectory_isNotStarted() {
        if case .notStarted = ChildProcess(arguments: ["/nonexistent/program"]).run().end {} else { Issue.record("started?") }
        var child = ChildProcess(arguments: ["/bin/pwd"])
        child.directory = "/nonexistent-dir"
        let outcome = child.run()
        if case .notStarted(let message) = outcome.end { #expect(message.contains("/nonexistent-dir")) } else { Issue.record("started?") }
        child.directory = "/tmp"
        #expect(child.run().stdout == Array("/tmp\n".utf8))
    }
}
