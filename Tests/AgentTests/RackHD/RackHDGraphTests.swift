import Foundation
import Testing

/// The runner as a real process against the RackHD test server: the whole discovery graph on a fixture
/// host, answered natively.
@Suite(.serialized) struct RackHDGraphTests {
    /// dmidecode's text from the first Handle line on (the header names the source, which differs).
    static func fromFirstHandle(_ text: String) -> String {
        guard let start = text.range(of: "Handle ") else { return "" }
        return String(text[start.lowerBound...])
    }

    @Test func discoveryGraph_everyJobPostedInOrderWithItsFieldsEchoed_thenExitsWithTheRebootCode() throws {
        let h = try RackHDHarness(jobs: DiscoveryGraph.jobs)
        let agent = try h.startAgent()
        let status = agent.waitForExit(timeout: 90)
        #expect(status == 1, "the shell-reboot job's exit \"1\" becomes the exit status; log:\n\(agent.log)")
        let posts = h.server.posts
        #expect(posts.map(\.job) == Array(0..<DiscoveryGraph.jobs.count), "one POST per job, in order")
        for post in posts { #expect(post.violations.isEmpty, "job \(post.job): \(post.violations)") }
        #expect(h.server.requests.filter { $0.method == "GET" && $0.path.hasSuffix("bootstrap.js") }.first?.query["macAddress"] == RackHDHarness.mac)
        guard posts.count == DiscoveryGraph.jobs.count else { return }

        // bootstrap: the empty command succeeds.
        #expect(posts[0].tasks.first?["error"] is NSNull && posts[0].tasks.first?["stdout"] as? String == "")

        // dmi: what dmidecode prints for the same tables, Handle by Handle.
        let dmidecode = try MkAgentProcess.execute(["/usr/sbin/dmidecode", "--from-dump", RackHDHarness.dmiDump])
        let dmi = try #require(posts[1].tasks.first)
        #expect(dmi["error"] is NSNull, "\(dmi["stderr"] ?? "")")
        #expect(Self.fromFirstHandle(dmi["stdout"] as? String ?? "") == Self.fromFirstHandle(dmidecode.stdout))
        #expect((dmi["stdout"] as? String ?? "").contains("PowerEdge R630"))

        // ohai: one JSON object with the keys RackHD's Redfish views read, from the same machine.
        let ohaiText = posts[2].tasks.first?["stdout"] as? String ?? ""
        let ohai = try #require(JSONSerialization.jsonObject(with: Data(ohaiText.utf8)) as? [String: Any], "ohai: \(posts[2].tasks)")
        let ohaiDMI = ohai["dmi"] as? [String: Any]
        #expect((ohaiDMI?["system"] as? [String: Any])?["product_name"] as? String == "PowerEdge R630")
        #expect(ohaiDMI?["chassis"] is [String: Any] && ohaiDMI?["bios"] is [String: Any])
        #expect((ohai["kernel"] as? [String: Any])?["machine"] as? String == "x86_64")
        #expect(((ohai["network"] as? [String: Any])?["interfaces"] as? [String: Any])?["eth0"] != nil)

        // bmc: no BMC on the fixture. `lan print` fails with 1, which that task accepts; `sel` fails with 1,
        // which it does not: the batch stops there and the rest go back untouched.
        let bmc = posts[3].tasks
        #expect((bmc[0]["error"] as? [String: Any])?["code"] as? Int == 1)
        #expect((bmc[1]["error"] as? [String: Any])?["code"] as? Int == 1)
        #expect(bmc[2...].allSatisfy { $0["stdout"] == nil && $0["error"] == nil }, "tasks after the failure did not run")

        // lsall: the same answers mkagent prints for the fixture directly (the runner passes its roots on).
        let lsall = posts[4].tasks
        let lspci = try MkAgentProcess.run(["lspci", "-nn", "-vmm", "--root", h.host.path])
        #expect(lsall[0]["stdout"] as? String == lspci.stdout)
        let lshw = try #require(JSONSerialization.jsonObject(with: Data((lsall[1]["stdout"] as? String ?? "").utf8)) as? [String: Any])
        #expect(lshw["product"] as? String == "PowerEdge R630 (SKU=NotProvided;ModelName=PowerEdge R630)" || lshw["product"] as? String == "PowerEdge R630")
        let lsblk = try MkAgentProcess.run(["lsblk", "-o", "KNAME,TYPE,ROTA", "--root", h.host.path])
        let lsscsi = try MkAgentProcess.run(["lsscsi", "--size", "--root", h.host.path])
        #expect(lsall[2]["stdout"] as? String == lsblk.stdout + "BREAK\n" + lsscsi.stdout)

        // set-boot-pxe: no BMC, so it fails like ipmitool does.
        #expect((posts[6].tasks.first?["error"] as? [String: Any])?["code"] as? Int == 1)
        // shell-reboot: posted, with its exit, before the runner ended.
        #expect(posts[7].body["exit"] as? String == "1")
        // Everything delivered: nothing waits in the spool.
        let pending = (try? FileManager.default.contentsOfDirectory(atPath: h.spool + "/rackhd"))?.filter { $0.hasPrefix("pending-") } ?? []
        #expect(pending.isEmpty, "\(pending)")
    }
}
