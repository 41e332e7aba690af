import Foundation
import Testing
@testable import Facts

/// `OhaiDocument` on the eight ghw machines: the cpu, memory, kernel, block_device and network sections
/// checked against mkagent's own facts of the same root and against the snapshot's files.
@Suite struct OhaiDocumentTests {
    static func document(_ root: String) throws -> (OhaiValue, Facts) {
        var facts = Facts(metadata: FactsMetadata(
            mkagentVersion: "test", collectedAt: "", roots: HostRoot(under: root), rootOrigins: [:], collectors: []))
        let files = HostFiles(root: HostRoot(under: root))
        CollectorRunner(collectors: [CPUCollector(), MemoryCollector(), OSCollector(), NetworkCollector()])
            .run(CollectionContext(files: files), into: &facts)
        let (sources, _) = OhaiSources.read(files: files, facts: facts)
        return (OhaiDocument.render(sources), facts)
    }

    @Test(arguments: GhwSnapshot.all)
    func sections_matchTheFactsAndTheSnapshotsFiles(_ snapshot: GhwSnapshot) throws {
        let tree = try snapshot.extract()
        let (document, facts) = try Self.document(tree.path)
        try Self.checkCPU(snapshot, tree, document, facts)
        try Self.checkMemoryAndBlockDevices(snapshot, tree, document, facts)
        Self.checkNetwork(snapshot, document, facts)
    }

    static func checkCPU(_ snapshot: GhwSnapshot, _ tree: TemporaryTree, _ document: OhaiValue, _ facts: Facts) throws {
        let cpu = try #require(facts.cpu)
        let cpuinfo = try String(contentsOfFile: tree.path + "/proc/cpuinfo", encoding: .utf8)
        // `processor : N` lines (s390's `processor 0: version = ...` lines are not ohai's processors).
        let processorLines = cpuinfo.split(separator: "\n").filter {
            $0.hasPrefix("processor") && $0.dropFirst("processor".count).drop { $0 == " " || $0 == "\t" }.hasPrefix(":")
        }
        #expect(document["cpu", "total"] == .int(processorLines.count))
        guard !processorLines.isEmpty else { return }
        // x86 cpuinfo has `physical id`: the sockets are the packages the facts count.
        if cpuinfo.contains("physical id") {
            let sockets = Set(cpu.cpus.filter(\.online).compactMap(\.socketID))
            #expect(document["cpu", "real"] == .int(sockets.count), "\(snapshot)")
        } else {
            #expect(document["cpu", "real"] == .int(0), "\(snapshot)")
        }
        guard let type = cpu.types.first, let first = processorLines.first?.split(separator: ":").last?.trimmed() else {
            Issue.record("\(snapshot): no CPU type")
            return
        }
        if cpuinfo.contains("vendor_id") { #expect(document["cpu", first, "vendor_id"]?.string == type.vendor, "\(snapshot)") }
        if cpuinfo.contains("model name") { #expect(document["cpu", first, "model_name"]?.string == type.modelName, "\(snapshot)") }
        if cpuinfo.contains("cpu family") { #expect(document["cpu", first, "family"]?.string == type.family, "\(snapshot)") }
        if cpuinfo.contains("\nflags") {
            #expect(document["cpu", first, "flags"] == .array(type.flags.map(OhaiValue.string)), "\(snapshot)")
        }
    }

    static func checkMemoryAndBlockDevices(_ snapshot: GhwSnapshot, _ tree: TemporaryTree, _ document: OhaiValue, _ facts: Facts) throws {
        if let total = try GhwSnapshotTests.kilobytes("MemTotal", in: tree.path + "/proc/meminfo") {
            #expect(document["memory", "total"]?.string == "\(total)kB")
            #expect(facts.memory?.totalBytes == total * 1024)
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: tree.path + "/sys/block")) ?? []).sorted()
        guard case .object(let blocks)? = document["block_device"] else {
            #expect(names.isEmpty, "\(snapshot): block devices missing")
            return
        }
        #expect(blocks.keys == names)
        for name in names {
            let size = try? String(contentsOfFile: tree.path + "/sys/block/\(name)/size", encoding: .utf8)
            #expect(document["block_device", name, "size"]?.string == size?.trimmed(), "\(snapshot): \(name)")
        }
    }

    static func checkNetwork(_ snapshot: GhwSnapshot, _ document: OhaiValue, _ facts: Facts) {
        let interfaces = facts.network?.interfaces ?? []
        guard case .object(let section)? = document["network", "interfaces"] else {
            #expect(interfaces.isEmpty, "\(snapshot)")
            return
        }
        #expect(section.keys == interfaces.map(\.name))
        for interface in interfaces {
            #expect(document["network", "interfaces", interface.name, "mtu"]?.string == interface.mtu.map(String.init))
            if let mac = interface.macAddress, mac != "00:00:00:00:00:00", interface.linkType == "ether" {
                #expect(document["network", "interfaces", interface.name, "encapsulation"]?.string == "Ethernet")
                #expect(document["network", "interfaces", interface.name, "addresses", mac.uppercased(), "family"]?.string == "lladdr")
            }
            #expect(document["network", "interfaces", interface.name, "state"]?.string == interface.operstate)
        }
    }
}
