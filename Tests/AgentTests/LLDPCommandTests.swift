import Foundation
import RackHDCatalogs
import Testing
@testable import Facts

/// `mkagent lldp` and the lldp collector end to end: against a real lldpd in network namespaces, and
/// the ways listening can be impossible (no capability, no interface, every interface down).
@Suite(.serialized) struct LLDPCommandTests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Output without lldpcli's `age` lines, the one value that depends on when each side looked.
    static func withoutAge(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("\"age\": ") && !$0.contains(".age=") }.joined(separator: "\n")
    }

    static func inNode(_ peer: LLDPPeer) -> [String] { [LLDPPeer.ip!, "netns", "exec", peer.nodeNS] }

    @Test(.enabled(if: LLDPPeer.unavailable == nil, Comment(rawValue: LLDPPeer.unavailable ?? "")))
    func realLLDPD_twoPorts_everyValuePerPort_andTheSameAsLLDPCLI() throws {
        let peer = try LLDPPeer(pairs: 2)
        defer { peer.tearDown() }
        try peer.startSwitch(pairs: 2)

        let result = try MkAgentProcess.run(["lldp", "--lldp-timeout", "20"], wrapper: Self.inNode(peer))
        #expect(result.status == 0, "\(result.stderr)")
        let section = try Self.json(result.stdout)
        #expect(section["listened"] as? [String] == ["eth0", "eth1"])
        #expect((section["duration_ms"] as? Int ?? 99999) < 20000, "returns once every interface has a neighbour")
        let interfaces = try #require(section["interfaces"] as? [String: [[String: Any]]])
        for (index, name) in ["eth0", "eth1"].enumerated() {
            let neighbors = try #require(interfaces[name])
            #expect(neighbors.count == 1)
            let n = try #require(neighbors.first)
            #expect(n["protocol"] as? String == "lldp")
            #expect(n["system_name"] as? String == LLDPPeer.systemName)
            #expect(n["system_description"] as? String == LLDPPeer.systemDescription)
            #expect(n["ttl_seconds"] as? Int == 4, "tx-interval 1 s x hold 4")
            #expect(n["seen_at"] as? String != nil)
            let port = try #require(n["port"] as? [String: Any])
            #expect(port["description"] as? String == LLDPPeer.portDescriptions[index])
            #expect(port["subtype"] as? String == "mac")
            let chassis = try #require(n["chassis"] as? [String: Any])
            #expect(chassis["subtype"] as? String == "mac")
            let addresses = try #require(n["management_addresses"] as? [[String: Any]])
            #expect(addresses.map { $0["address"] as? String } == [LLDPPeer.managementAddress])
            #expect(addresses.first?["family"] as? String == "ipv4")
        }
        let eth0 = try #require(interfaces["eth0"]?.first)
        let vlans = try #require(eth0["vlans"] as? [String: Any])
        #expect(vlans["port_vlan_id"] as? Int == LLDPPeer.vlanID)
        let named = try #require(vlans["vlans"] as? [[String: Any]])
        #expect(named.first?["id"] as? Int == LLDPPeer.vlanID)
        #expect(named.first?["name"] as? String == LLDPPeer.vlanName)
        #expect(interfaces["eth1"]?.first?["vlans"] == nil)

        // The same neighbours through `mkagent facts`, which runs lldp only when asked.
        let facts = try Self.json(try MkAgentProcess.run(["facts", "--only", "lldp", "--lldp-timeout", "20"], wrapper: Self.inNode(peer)).stdout)
        let lldp = try #require(facts["lldp"] as? [String: Any])
        #expect((lldp["interfaces"] as? [String: [Any]])?["eth1"]?.count == 1)

        // The oracle: lldpd itself on the node side, printing what it heard.
        try peer.startNodeOracle()
        #expect(try peer.waitForOracle(["eth0", "eth1"]), "the node's lldpd heard no neighbour")
        for format in ["json", "keyvalue"] {
            for details in [false, true] {
                let expected = try peer.lldpcli(["-f", format, "show", "neighbors"] + (details ? ["details"] : []))
                let mine = try MkAgentProcess.run(["lldp", "--lldp-timeout", "20", "-f", format] + (details ? ["--details"] : []), wrapper: Self.inNode(peer))
                #expect(Self.withoutAge(mine.stdout) == Self.withoutAge(expected), "lldpcli -f \(format) show neighbors\(details ? " details" : "")")
                #expect(expected.contains(LLDPPeer.systemName))
            }
        }
        // What RackHD's server makes of the two: the same parsed catalog.
        let cmd = "sudo /usr/sbin/lldpcli show neighbor -f keyvalue"
        let catalogs = RackHDCatalogComparison(
            cmd: cmd, tool: Self.withoutAge(try peer.lldpcli(["-f", "keyvalue", "show", "neighbors"])),
            mkagent: Self.withoutAge(try MkAgentProcess.run(["lldp", "--lldp-timeout", "20", "-f", "keyvalue"], wrapper: Self.inNode(peer)).stdout))
        print("rackhd catalog \(catalogs.summary)")
        #expect(catalogs.differences.isEmpty && catalogs.comparedLeaves > 0, "\(catalogs.summary)")
    }

    @Test(.enabled(if: LLDPPeer.unavailable == nil, Comment(rawValue: LLDPPeer.unavailable ?? "")))
    func downInterface_isNamed_andIfupListensOnItThenPutsItBackDown() throws {
        let peer = try LLDPPeer(pairs: 3, downOnNode: [2])
        defer { peer.tearDown() }
        try peer.startSwitch(pairs: 3)

        let plain = try MkAgentProcess.run(["lldp", "--lldp-timeout", "20"], wrapper: Self.inNode(peer))
        #expect(plain.status == 0)
        #expect(plain.stderr.contains("eth2 is down; not listened on"))
        #expect(try Self.json(plain.stdout)["listened"] as? [String] == ["eth0", "eth1"])

        let ifup = try MkAgentProcess.run(["lldp", "--lldp-timeout", "20", "--lldp-ifup"], wrapper: Self.inNode(peer))
        #expect(ifup.status == 0, "\(ifup.stderr)")
        let section = try Self.json(ifup.stdout)
        #expect(section["listened"] as? [String] == ["eth0", "eth1", "eth2"])
        #expect(section["brought_up"] as? [String] == ["eth2"])
        let eth2 = (section["interfaces"] as? [String: [[String: Any]]])?["eth2"]?.first
        #expect((eth2?["port"] as? [String: Any])?["description"] as? String == LLDPPeer.portDescriptions[2])
        let link = try LLDPPeer.ip(["-n", peer.nodeNS, "-o", "link", "show", "eth2"])
        #expect(!link.contains(",UP") && !link.contains("<UP"), "eth2 is down again: \(link)")
    }

    /// A host tree whose sysfs lists the given interfaces (`name: (flags, type)`).
    static func sysTree(_ interfaces: [String: (String, Int)]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mkagent-lldp-sys-\(UUID().uuidString)").path
        for (index, (name, (flags, type))) in interfaces.sorted(by: { $0.key < $1.key }).enumerated() {
            let dir = root + "/sys/class/net/" + name
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try "\(index + 1)\n".write(toFile: dir + "/ifindex", atomically: true, encoding: .utf8)
            try "\(flags)\n".write(toFile: dir + "/flags", atomically: true, encoding: .utf8)
            try "\(type)\n".write(toFile: dir + "/type", atomically: true, encoding: .utf8)
            try "02:00:00:00:00:0\(index)\n".write(toFile: dir + "/address", atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(atPath: root + "/sys/class/net", withIntermediateDirectories: true)
        chmod(root, 0o755)
        return root
    }

    @Test func withoutCapNetRaw_aDiagnosticNamesIt_emptySection_exitZero() throws {
        let root = try Self.sysTree(["eth0": ("0x1003", 1), "lo": ("0x9", 772)])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let wrapper = getuid() == 0
            ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all", "--bounding-set=-all"] : []
        let result = try MkAgentProcess.run(["lldp", "--root", root, "--lldp-timeout", "2"], wrapper: wrapper)
        #expect(result.status == 0)
        #expect(result.stderr.contains("needs CAP_NET_RAW"))
        let section = try Self.json(result.stdout)
        #expect(section["listened"] as? [String] == ["eth0"])
        #expect((section["interfaces"] as? [String: [Any]])?["eth0"]?.isEmpty == true)
    }

    @Test func noInterfaceButLoopback_aDiagnostic_emptySection_exitZero() throws {
        let root = try Self.sysTree(["lo": ("0x9", 772)])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try MkAgentProcess.run(["lldp", "--root", root, "--lldp-timeout", "2"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("no non-loopback Ethernet interfaces found under \(root)/sys/class/net; no neighbours collected"))
        let section = try Self.json(result.stdout)
        #expect((section["interfaces"] as? [String: Any])?.isEmpty == true)
        #expect((section["listened"] as? [String])?.isEmpty == true)
    }

    @Test func everyInterfaceDown_aDiagnosticPerInterfaceAndOverall_exitZero() throws {
        let root = try Self.sysTree(["eth0": ("0x1002", 1), "eth1": ("0x1002", 1), "lo": ("0x9", 772)])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try MkAgentProcess.run(["lldp", "--root", root, "--lldp-timeout", "2", "-f", "keyvalue"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("eth0 is down; not listened on"))
        #expect(result.stderr.contains("every Ethernet interface is down (eth0, eth1); no neighbours collected"))
        #expect(result.stdout.isEmpty, "lldpcli prints nothing without neighbours")
    }

    @Test func facts_runsLLDPOnlyWhenAsked() throws {
        let root = try Self.sysTree(["lo": ("0x9", 772)])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let dump = FactsCommandTests.fixture("dmi/u-root/SuperMicro-X9DBL.bin")
        let plain = try Self.json(try MkAgentProcess.run(["facts", "--root", root, "--dmi-dump", dump]).stdout)
        let defaults = CollectorRunner.defaults.map(\.name)
        #expect(!defaults.contains("lldp"))
        #expect((plain["metadata"] as? [String: Any])?["collectors"] as? [String] == defaults)
        #expect(plain["lldp"] == nil)
        let skipped = try Self.json(try MkAgentProcess.run(["facts", "--root", root, "--dmi-dump", dump, "--lldp-timeout", "0"]).stdout)
        #expect(skipped["lldp"] == nil)
        let asked = try Self.json(try MkAgentProcess.run(["facts", "--root", root, "--dmi-dump", dump, "--lldp-timeout", "1"]).stdout)
        #expect((asked["metadata"] as? [String: Any])?["collectors"] as? [String] == defaults + ["lldp"])
        #expect(asked["lldp"] is [String: Any])
        let only = try MkAgentProcess.run(["facts", "--root", root, "--only", "lldp"])
        #expect(only.status == 0)
        #expect((try Self.json(only.stdout))["dmi"] == nil)
        #expect(try MkAgentProcess.run(["facts", "--only", "lldp", "--lldp-timeout", "0"]).status == 64)
    }

    @Test func pcapFile_keyvalueHasTheRackHDCatalogKeys() throws {
        let capture = FactsCommandTests.fixture("lldp/wireshark-samples/procurve.lldp.pcap")
        let result = try MkAgentProcess.run(["lldp", "--pcap", capture, "--interface", "p20p2", "-f", "keyvalue"])
        #expect(result.status == 0)
        let lines = Set(result.stdout.split(separator: "\n").map(String.init))
        // The keys RackHD's lldp catalog parser reads (sample: rackhd-samplefiles/lldp.txt).
        for line in ["lldp.p20p2.via=LLDP", "lldp.p20p2.rid=1", "lldp.p20p2.chassis.mac=00:25:61:94:32:40", "lldp.p20p2.port.local=22"] {
            #expect(lines.contains(line), "\(line)")
        }
        #expect(result.stderr.contains("malformed LLDP frame from 00:25:61:94:32:4a"), "the capture cut the frames at 96 bytes")
    }
}
