import Foundation
import Testing

/// Shell tasks through the runner process: downloads, accepted codes, timeouts, retries, exit codes.
@Suite(.serialized) struct RackHDTaskTests {
    static func error(_ task: [String: Any]) -> [String: Any]? { task["error"] as? [String: Any] }

    @Test func downloadAcceptedCodeTimeoutAndRetries_behaveAsTheTaskSays() throws {
        let counter = "attempts"
        let jobs: [[String: Any]] = [
            ["tasks": [
                ["cmd": "sh ./probe.sh", "downloadUrl": "/api/current/templates/probe.sh?nodeId=x"],
                ["cmd": "echo out; echo err >&2; exit 3", "acceptedResponseCodes": [3]],
                ["cmd": "sh -c 'sleep 30 & echo $! > grandchild.pid; wait'", "timeout": 500],
                ["cmd": "echo never"],
            ]],
            ["tasks": [
                ["cmd": "n=$(cat \(counter) 2>/dev/null || echo 0); n=$((n+1)); echo $n > \(counter); echo try $n; [ $n -ge 3 ]", "retries": 2],
                ["cmd": "sh ./missing.sh", "downloadUrl": "/api/current/templates/missing.sh"],
            ]],
            ["tasks": [["cmd": ""]], "exit": "127"],
        ]
        let h = try RackHDHarness(jobs: jobs)
        h.server.addTemplate("probe.sh", "#!/bin/sh\necho \"probe in $(pwd)\"; stat -c %a probe.sh\n")
        let agent = try h.startAgent()
        #expect(agent.waitForExit(timeout: 30) == 127, "exit \"127\" is the status; log:\n\(agent.log)")
        let posts = h.server.posts
        try #require(posts.count == 3, "\(posts.map(\.violations))")
        for post in posts { #expect(post.violations.isEmpty, "job \(post.job): \(post.violations)") }

        let first = posts[0].tasks
        #expect(first[0]["stdout"] as? String == "probe in \(h.workDirectory)\n555\n", "downloaded into the work directory, mode 0555")
        #expect(first[0]["error"] is NSNull)
        #expect(first[1]["stdout"] as? String == "out\n" && first[1]["stderr"] as? String == "err\n", "output kept even though the exit is not 0")
        #expect(Self.error(first[1])?["code"] as? Int == 3 && Self.error(first[1])?["killed"] as? Bool == false)
        #expect(Self.error(first[1])?["cmd"] as? String == "echo out; echo err >&2; exit 3")
        let timedOut = try #require(Self.error(first[2]))
        #expect(timedOut["killed"] as? Bool == true && timedOut["code"] is NSNull && timedOut["signal"] as? String == "SIGTERM")
        #expect((first[2]["stderr"] as? String ?? "").contains("timeout of 500 ms"))
        // The whole process group went: the backgrounded sleep is gone too.
        let pid = Int32((try? String(contentsOfFile: h.workDirectory + "/grandchild.pid", encoding: .utf8))?.filter(\.isNumber) ?? "") ?? 0
        #expect(pid > 0 && eventually(timeout: 5) { kill(pid, 0) != 0 }, "sleep \(pid) was killed with its group")
        #expect(first[3]["stdout"] == nil && first[3]["error"] == nil, "the batch stopped at the timeout")

        let second = posts[1].tasks
        #expect(second[0]["stdout"] as? String == "try 3\n" && second[0]["error"] is NSNull, "two retries, the third attempt succeeds")
        #expect((second[1]["error"] as? String ?? "").contains("404"), "a download that 404s is an error string: \(second[1])")
    }

    @Test func nativePolicy_neverRunsTheCommandThroughTheShell_autoOnlyWhenTheToolIsMissing() throws {
        let jobs: [[String: Any]] = [["tasks": [["cmd": "sudo dmidecode"]]], ["tasks": [["cmd": ""]], "exit": "0"]]
        // A PATH whose sudo only says what it was asked to run, and which has no dmidecode.
        let bin = try ScratchDirectory()
        try "#!/bin/sh\necho \"sudo $*\"\n".write(toFile: bin.path + "/sudo", atomically: true, encoding: .utf8)
        chmod(bin.path + "/sudo", 0o755)
        let path = bin.path + ":/usr/bin:/bin"

        let never = try RackHDHarness(jobs: jobs)
        let a = try never.startAgent(native: "never", environment: ["PATH": path])
        #expect(a.waitForExit(timeout: 30) == 0, "\(a.log)")
        #expect(never.server.posts.first?.tasks.first?["stdout"] as? String == "sudo dmidecode\n")

        let auto = try RackHDHarness(jobs: jobs)
        let b = try auto.startAgent(native: "auto", environment: ["PATH": path])
        #expect(b.waitForExit(timeout: 30) == 0, "\(b.log)")
        #expect((auto.server.posts.first?.tasks.first?["stdout"] as? String ?? "").contains("PowerEdge R630"), "dmidecode is not in PATH: answered natively")

        // With a dmidecode in PATH, auto leaves the command to the shell.
        try "#!/bin/sh\necho fake\n".write(toFile: bin.path + "/dmidecode", atomically: true, encoding: .utf8)
        chmod(bin.path + "/dmidecode", 0o755)
        let installed = try RackHDHarness(jobs: jobs)
        let c = try installed.startAgent(native: "auto", environment: ["PATH": path])
        #expect(c.waitForExit(timeout: 30) == 0, "\(c.log)")
        #expect(installed.server.posts.first?.tasks.first?["stdout"] as? String == "sudo dmidecode\n")
    }
}
