import Foundation
import Testing
@testable import Facts

/// The memory, os, virtual and network collectors on eight real machines' /proc and /sys (ghw snapshots),
/// read with `--root` semantics; values compared with the snapshots' own files.
@Suite struct GhwSnapshotTests {
    static func collect(_ root: String) -> Facts {
        var facts = Facts(metadata: FactsMetadata(
            mkagentVersion: "test", collectedAt: "", roots: HostRoot(under: root), rootOrigins: [:], collectors: []))
        let context = CollectionContext(files: HostFiles(root: HostRoot(under: root)))
        CollectorRunner(collectors: [MemoryCollector(), OSCollector(), VirtualCollector(), NetworkCollector()])
            .run(context, into: &facts)
        return facts
    }

    /// `Name: value kB` of a meminfo file, read without the library's parser.
    static func kilobytes(_ name: String, in path: String) throws -> UInt64? {
        // Some snapshots keep a node's directory but not its meminfo.
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for line in text.components(separatedBy: "\n") {
            var words = line.split(separator: " ").map(String.init)
            if words.first == "Node" { words.removeFirst(2) }
            if words.first == name + ":" { return UInt64(words[1]) }
        }
        return nil
    }

    static func entries(_ path: String, prefix: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
            .filter { $0.hasPrefix(prefix) && Int($0.dropFirst(prefix.count)) != nil }
    }

    @Test func thereAreEightMachines() {
        #expect(GhwSnapshot.all.count == 8)
    }

    @Test(arguments: GhwSnapshot.all)
    func memory_matchesTheSnapshotsFiles(_ snapshot: GhwSnapshot) throws {
        let tree = try snapshot.extract()
        let facts = Self.collect(tree.path)
        let memory = try #require(facts.memory)
        let meminfo = tree.path + "/proc/meminfo"
        #expect(memory.totalBytes == (try Self.kilobytes("MemTotal", in: meminfo)).map { $0 * 1024 })
        #expect(memory.freeBytes == (try Self.kilobytes("MemFree", in: meminfo)).map { $0 * 1024 })
        #expect(memory.availableBytes == (try Self.kilobytes("MemAvailable", in: meminfo)).map { $0 * 1024 })
        #expect(memory.swapTotalBytes == (try Self.kilobytes("SwapTotal", in: meminfo)).map { $0 * 1024 })
        #expect((memory.totalBytes ?? 0) > 0)

        let blocks = tree.path + "/sys/devices/system/memory"
        let blockCount = Self.entries(blocks, prefix: "memory").count
        if blockCount > 0 {
            let sizeText = try String(contentsOfFile: blocks + "/block_size_bytes", encoding: .utf8)
            #expect(memory.blockSizeBytes == UInt64(sizeText.trimmingCharacters(in: .whitespacesAndNewlines), radix: 16))
            #expect((memory.onlineBlocks ?? 0) + (memory.offlineBlocks ?? 0) == blockCount)
        } else {
            #expect(memory.onlineBlocks == nil)
        }

        let nodes = tree.path + "/sys/devices/system/node"
        let nodeNames = Self.entries(nodes, prefix: "node").sorted { Int($0.dropFirst(4))! < Int($1.dropFirst(4))! }
        #expect(memory.numaNodes.map { "node\($0.node)" } == nodeNames)
        for node in memory.numaNodes {
            let path = "\(nodes)/node\(node.node)/meminfo"
            #expect(node.totalBytes == (try Self.kilobytes("MemTotal", in: path)).map { $0 * 1024 })
        }
        // No SMBIOS table in any snapshot: the DIMM list is empty and the diagnostic says so.
        #expect(memory.dimms.isEmpty)
        #expect(facts.diagnostics.contains { $0.collector == "memory" && $0.error.hasSuffix("the DIMM list is left out") })
        #expect(!facts.diagnostics.contains { $0.collector == "memory" && $0.severity == .error })
    }

    @Test(arguments: GhwSnapshot.all)
    func network_listsTheSnapshotsInterfaces(_ snapshot: GhwSnapshot) throws {
        let tree = try snapshot.extract()
        let facts = Self.collect(tree.path)
        let network = try #require(facts.network)
        let classNet = tree.path + "/sys/class/net"
        guard FileManager.default.fileExists(atPath: classNet) else {
            // Most snapshots have no sys/class/net: a named error, an empty list, the other sections intact.
            #expect(network.interfaces.isEmpty)
            #expect(facts.diagnostics.contains {
                $0.collector == "network" && $0.path == classNet && $0.severity == .error
                    && $0.error == "no such file or directory; no interfaces are listed"
            })
            return
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: classNet).sorted()
        #expect(!network.interfaces.isEmpty)
        #expect(network.interfaces.map(\.name).sorted() == names)
        for interface in network.interfaces {
            let target = try FileManager.default.destinationOfSymbolicLink(atPath: classNet + "/" + interface.name)
            let device = URL(fileURLWithPath: target).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
            #expect(interface.pciAddress == device)
            #expect(interface.bus == "pci")
            #expect(interface.virtual == false)
            #expect(interface.sysfsPath == target.replacingOccurrences(of: "../../", with: ""))
            let assign = try String(contentsOfFile: classNet + "/" + interface.name + "/addr_assign_type", encoding: .utf8)
            let code = try #require(Int(assign.trimmingCharacters(in: .whitespacesAndNewlines)))
            #expect(interface.addressAssignType == ["permanent", "random", "stolen", "set"][code])
        }
        // A copied tree is not the namespace netlink describes: no addresses, and a note saying why.
        #expect(network.addressesSource == nil)
        #expect(network.interfaces.allSatisfy { $0.addresses == nil })
        #expect(facts.diagnostics.contains { $0.collector == "network" && $0.error.hasPrefix("not a sysfs mount") })
    }

    @Test(arguments: GhwSnapshot.all)
    func osAndVirtual_reportWhatIsMissing_andReadWhatIsThere(_ snapshot: GhwSnapshot) throws {
        let tree = try snapshot.extract()
        let facts = Self.collect(tree.path)
        let os = try #require(facts.os)
        #expect(os.kernel.release == nil)
        for file in ["proc/sys/kernel/osrelease", "proc/sys/kernel/hostname", "proc/cmdline"] {
            #expect(facts.diagnostics.contains {
                $0.collector == "os" && $0.path == tree.path + "/" + file && $0.severity == .error
            })
        }
        let virtual = try #require(facts.virtual)
        let cpuinfo = try String(contentsOfFile: tree.path + "/proc/cpuinfo", encoding: .utf8)
        let flagged = cpuinfo.components(separatedBy: "\n").first { $0.hasPrefix("flags") }?
            .split(separator: " ").contains("hypervisor") ?? false
        #expect(virtual.isVirtual == flagged)
        #expect(virtual.type == (flagged ? "vm-other" : "physical"))
    }
}
