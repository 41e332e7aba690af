import Foundation
import Testing
@testable import Facts

/// mkagent's tree against the shape of real lshw output: RackHD's multi-NIC Dell (`lshw -json`), OpenStack
/// IPA's samples (`lshw -json`) and Collins' Dell, HP and Supermicro servers (`lshw -xml`) are decoded with
/// the same model and checked with the same rules as mkagent's own trees.
@Suite struct LshwShapeTests {
    /// IPA's `lshw_json_output_v1.json` is left out: its authors trimmed it by hand and dropped `class` from
    /// nodes, which lshw always prints (see `ipaV1_isTrimmed_butUsesOnlyLshwKeys`).
    static let jsonFixtures = [
        "rackhd-samplefiles/multi-nic-lshw.txt",
        "lshw/ironic-python-agent/lshw_json_output_v2.json",
        "lshw/ironic-python-agent/lshw_json_output_arm64.json",
        "lshw/ironic-python-agent/lshw_json_output_no_memory_bank_size.json",
    ]

    static func decode(_ text: String) throws -> [HardwareNode] {
        let data = Data(text.utf8)
        if let one = try? JSONDecoder().decode(HardwareNode.self, from: data) { return [one] }
        return try JSONDecoder().decode([HardwareNode].self, from: data)
    }

    @Test(arguments: jsonFixtures)
    func realLshwJSON_decodesWithTheModel_andFollowsTheRules(_ fixture: String) throws {
        let text = try String(contentsOfFile: Fixtures.path(fixture), encoding: .utf8)
        for tree in try Self.decode(text) {
            #expect(LshwShape.violations(tree) == [], "\(fixture)")
        }
        #expect(LshwShape.keyOrderViolations(text) == [], "\(fixture)")
    }

    @Test func ipaV1_isTrimmed_butUsesOnlyLshwKeys() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("lshw/ironic-python-agent/lshw_json_output_v1.json")))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        func keys(_ node: [String: Any]) -> Set<String> {
            Set(node.keys).union(((node["children"] as? [[String: Any]]) ?? []).flatMap(keys))
        }
        #expect(keys(root).subtracting(LshwShape.keyOrder).isEmpty)
    }

    @Test func multiNicDell_hasTheNodesRackHDReads() throws {
        let text = try String(contentsOfFile: Fixtures.path("rackhd-samplefiles/multi-nic-lshw.txt"), encoding: .utf8)
        let tree = try #require(try Self.decode(text).first)
        let core = try #require(tree.children?.first { $0.id == "core" })
        #expect(core.class == "bus")
        let all = Self.flatten(tree)
        #expect(all.filter { $0.class == "network" && $0.logicalname != nil }.count == 2)
        #expect(all.first { $0.logicalname?.all == ["/dev/sda"] }?.serial == "BTHC536205Y9800NGN")
        #expect(all.filter { $0.id.hasPrefix("bank") }.count == 24)
    }

    @Test func realLshwXML_convertsToTheModel_andFollowsTheRules() throws {
        let directory = Fixtures.path("lshw/collins")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".xml") }.sorted()
        #expect(names.count >= 20)
        for name in names {
            let tree = try LshwShape.fromXML(try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name)))
            #expect(LshwShape.violations(tree) == [], "\(name)")
            #expect(tree.children?.contains { $0.id == "core" } == true, "\(name)")
        }
    }

    /// This machine's tree, written as `mkagent lshw` writes it, decodes back to the same value and follows
    /// the rules; so does a tree with the SMBIOS nodes of a real Supermicro board.
    @Test func mkagentTrees_followTheRules_andRoundTripThroughTheirJSON() throws {
        var contexts = [CollectionContext(files: HostFiles(root: .host))]
        contexts.append(CollectionContext(files: HostFiles(root: .host), dmiDumpFile: Fixtures.path("dmi/u-root/SuperMicro-X9DBL.bin")))
        for context in contexts {
            let (tree, _) = HardwareInventory(context: context).tree()
            #expect(LshwShape.violations(tree) == [])
            let text = LshwJSONWriter.render(tree)
            #expect(LshwShape.keyOrderViolations(text) == [])
            let decoded = try #require(try Self.decode(text).first)
            #expect(decoded == tree)
            #expect(tree.children?.first?.id == "core")
        }
    }

    @Test func smbiosNodes_fromARealSupermicroTable() throws {
        let context = CollectionContext(files: HostFiles(root: .host), dmiDumpFile: Fixtures.path("dmi/u-root/SuperMicro-X9DBL.bin"))
        let (tree, _) = HardwareInventory(context: context).tree()
        let core = try #require(tree.children?.first)
        #expect(tree.description == "Rack Mount Chassis" || tree.description != nil)
        #expect(core.vendor != nil)
        let cpus = (core.children ?? []).filter { $0.class == "processor" }
        #expect(cpus.count == 2)
        #expect(cpus.allSatisfy { $0.handle?.hasPrefix("DMI:") == true })
        #expect(cpus.map(\.id) == ["cpu:0", "cpu:1"])
        let firmware = try #require(core.children?.first { $0.id == "firmware" })
        #expect(firmware.capabilities?.names.contains("pci") == true)
        let memory = (core.children ?? []).filter { $0.id.hasPrefix("memory") }
        #expect(!memory.isEmpty)
        #expect(memory.flatMap { $0.children ?? [] }.allSatisfy { $0.id.hasPrefix("bank") })
    }

    static func flatten(_ node: HardwareNode) -> [HardwareNode] {
        [node] + (node.children ?? []).flatMap(flatten)
    }
}
