import Foundation
import Testing
@testable import Facts

/// The cpu collector on real machines (whole-host snapshots, lscpu dumps) and on broken trees.
@Suite struct CPUCollectorTests {
    static func collect(root: String) -> (CPUFacts?, [Diagnostic]) {
        let files = HostFiles(root: HostRoot(under: root))
        var facts = Facts(metadata: FactsMetadata(
            mkagentVersion: "test", collectedAt: "", roots: files.root, rootOrigins: [:], collectors: ["cpu"]))
        let output = CPUCollector().collect(CollectionContext(files: files))
        output.apply(&facts)
        return (facts.cpu, output.diagnostics)
    }

    // MARK: whole-host snapshots

    @Test func ghwSnapshotSet_holdsEightMachines() {
        #expect(CPUFixtures.ghwSnapshots.count == 8)
    }

    /// Most snapshots lack cpu/possible, present and online: the CPUs come from the cpuN directories.
    @Test(arguments: CPUFixtures.ghwSnapshots)
    func ghwSnapshot_givesCPUsAndTheModelName(_ snapshot: String) throws {
        let tree = try CPUFixtures.unpackSnapshot(snapshot)
        let (section, diagnostics) = Self.collect(root: tree.path)
        let cpu = try #require(section, "\(snapshot): no cpu section; \(diagnostics)")
        #expect(cpu.cpuCount > 0)
        #expect(cpu.onlineCpus.count > 0)
        #expect(cpu.cpus.count == cpu.cpuCount)
        #expect(diagnostics.allSatisfy { $0.collector == "cpu" })
        let cpuinfo = try String(contentsOfFile: tree.path + "/proc/cpuinfo", encoding: .utf8)
        if let line = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("model name") }) {
            let name = line.split(separator: ":", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces)
            #expect(cpu.modelName == name)
        } else if cpuinfo.contains("CPU implementer\t: 0x41") {
            #expect(cpu.modelName == "Neoverse-N1")
        }
        let processors = cpuinfo.split(separator: "\n").filter { $0.hasPrefix("processor\t") }.count
        // cpuinfo lists the online CPUs.
        if processors > 0 { #expect(cpu.onlineCpus.count == processors) }
        if !FileManager.default.fileExists(atPath: tree.path + "/sys/devices/system/cpu/possible") {
            #expect(diagnostics.contains { $0.path?.hasSuffix("/sys/devices/system/cpu/possible") == true })
        }
    }

    @Test func offlineSnapshot_listsTheOfflineCPUs() throws {
        let tree = try CPUFixtures.unpackSnapshot("linux-amd64-offlineCPUs.tar.gz")
        let cpu = try #require(Self.collect(root: tree.path).0)
        #expect(cpu.presentCpus == [0, 1, 2, 3])
        #expect(cpu.onlineCpus == [0, 1])
        #expect(cpu.offlineCpus == [2, 3])
        #expect(cpu.cpus.filter { !$0.online }.map(\.id) == [2, 3])
    }

    // MARK: facts values on a real dump

    @Test func epyc_factsCarryNumbersTopologyCachesAndNodes() throws {
        let (tree, root) = try CPUFixtures.unpackDump("x86_64-epyc_7451")
        defer { withExtendedLifetime(tree) {} }
        let (section, _) = Self.collect(root: root)
        let cpu = try #require(section)
        #expect(cpu.cpuCount == 96 && cpu.onlineCpus.count == 96 && cpu.offlineCpus.isEmpty)
        #expect(cpu.vendor == "AuthenticAMD" && cpu.modelName == "AMD EPYC 7451 24-Core Processor")
        #expect(cpu.threadsPerCore == 2 && cpu.coresPerSocket == 24 && cpu.sockets == 2 && cpu.cores == 48)
        #expect(cpu.opModes == ["32-bit", "64-bit"] && cpu.architecture == "x86_64" && cpu.byteOrder == "little")
        #expect(cpu.addressSizes == CPUFacts.AddressSizes(physicalBits: 48, virtualBits: 48))
        let type = try #require(cpu.types.first)
        #expect(type.family == "23" && type.model == "1" && type.stepping == "2")
        #expect(type.maxFrequencyHz == 2_300_000_000 && type.minFrequencyHz == 1_200_000_000)
        #expect(type.frequencyBoost == true && type.bogomips == 4590.83)
        #expect(type.flags.contains("svm"))
        #expect(cpu.virtualization?.cpuFeature == "AMD-V")
        let l1d = try #require(cpu.caches.first { $0.name == "L1d" })
        #expect(l1d.sizeBytes == 1536 * 1024 && l1d.instances == 48 && l1d.instanceSizeBytes == 32 * 1024)
        #expect(cpu.caches.map(\.name) == ["L1d", "L1i", "L2", "L3"])
        #expect(cpu.caches.first { $0.name == "L3" }?.instances == 16)
        #expect(cpu.numaNodes.count == 8)
        #expect(cpu.numaNodes[0].cpus == Array(0...5) + Array(48...53))
        #expect(cpu.cpus[0].maxFrequencyHz == 2_300_000_000 && cpu.cpus[0].node == 0 && cpu.cpus[0].socketID == 0)
        #expect(cpu.vulnerabilities.first { $0.file == "spectre_v2" }?.status.hasPrefix("Mitigation: ") == true)
    }

    @Test func s390Drawers_comeFromSysinfo_hypervisorFromTheControlProgram() throws {
        let (tree, root) = try CPUFixtures.unpackDump("s390-nested-virt")
        defer { withExtendedLifetime(tree) {} }
        let cpu = try #require(Self.collect(root: root).0)
        let type = try #require(cpu.types.first)
        #expect(type.sockets == nil && type.socketsPerBook == 1 && type.booksPerDrawer == 1 && type.drawers == 2)
        #expect(type.dynamicFrequencyHz == 5_000_000_000)
        #expect(cpu.virtualization?.hypervisor == "KVM/Linux" && cpu.virtualization?.hypervisorVendor == "KVM")
        #expect(cpu.architecture == "s390x" && cpu.byteOrder == "big")
        #expect(cpu.caches.map(\.name) == ["L1d", "L1i", "L2d", "L2i", "L3", "L4"])
        #expect(cpu.caches.last?.instances == nil)
    }

    @Test func bigLittle_eachCoreKindIsAType() throws {
        let (tree, root) = try CPUFixtures.unpackDump("arm-A510-A710-A715-X3")
        defer { withExtendedLifetime(tree) {} }
        let cpu = try #require(Self.collect(root: root).0)
        #expect(cpu.types.map(\.modelName) == ["Cortex-A510", "Cortex-A715", "Cortex-A710", nil])
        #expect(cpu.types.map(\.cpus) == [[0, 1, 2], [3, 4], [5, 6], [7]])
        #expect(cpu.types[0].stepping == "r1p1")
        #expect(cpu.types[3].maxFrequencyHz == 3_187_200_000)
        #expect(cpu.vendor == "ARM" && cpu.architecture == "aarch64")
    }

    // MARK: broken trees

    /// A tree with two online CPUs: cpuinfo has garbage lines, CPU 1 has no topology directory, CPU 0's
    /// core id is not a number.
    static func brokenTree() throws -> TemporaryTree {
        let tree = try TemporaryTree()
        try tree.write("proc/cpuinfo", Array("""
            processor\t: 0
            vendor_id\t: GenuineIntel
            model name\t: Broken CPU @ 2.00GHz
            flags\t\t: fpu lm vmx
            \u{01}garbage without a separator
            bogomips\t: 4000.00

            processor\t: 1
            vendor_id\t: GenuineIntel
            model name\t: Broken CPU @ 2.00GHz
            another garbage line

            """.utf8))
        let cpu = "sys/devices/system/cpu"
        try tree.write("\(cpu)/possible", Array("0-1\n".utf8))
        try tree.write("\(cpu)/present", Array("0-1\n".utf8))
        try tree.write("\(cpu)/online", Array("0-1\n".utf8))
        try tree.write("\(cpu)/cpu0/topology/thread_siblings", Array("1\n".utf8))
        try tree.write("\(cpu)/cpu0/topology/core_siblings", Array("3\n".utf8))
        try tree.write("\(cpu)/cpu0/topology/core_id", Array("zero\n".utf8))
        try tree.write("\(cpu)/cpu1/uevent", [])
        return tree
    }

    @Test func garbageCPUInfoAndMissingTopology_areNamedDiagnostics_factsArePartial() throws {
        let tree = try Self.brokenTree()
        let (section, diagnostics) = Self.collect(root: tree.path)
        let cpu = try #require(section)
        #expect(cpu.cpuCount == 2 && cpu.onlineCpus == [0, 1])
        #expect(cpu.modelName == "Broken CPU @ 2.00GHz" && cpu.vendor == "GenuineIntel")
        #expect(cpu.types.first?.bogomips == 4000.0)
        #expect(cpu.virtualization?.cpuFeature == "VT-x")
        #expect(cpu.cpus.first?.coreID == nil && cpu.cpus.first?.socketID == nil)

        #expect(diagnostics.allSatisfy { $0.collector == "cpu" && $0.path != nil })
        #expect(diagnostics.contains {
            $0.path == tree.path + "/proc/cpuinfo" && $0.error.hasPrefix("2 lines not of the form 'key : value' (first: line 5)")
        })
        #expect(diagnostics.contains {
            $0.path == tree.path + "/sys/devices/system/cpu/cpu1/topology/thread_siblings"
                && $0.error.contains("no topology for online CPU 1")
        })
        #expect(diagnostics.contains {
            $0.path == tree.path + "/sys/devices/system/cpu/cpu0/topology/core_id" && $0.error.contains("'zero' is not a number")
        })
    }

    @Test func noCPUInfo_isAnErrorDiagnostic_sysfsStillCounts() throws {
        let tree = try TemporaryTree()
        try tree.write("sys/devices/system/cpu/possible", Array("0-3\n".utf8))
        try tree.write("sys/devices/system/cpu/present", Array("0-3\n".utf8))
        try tree.write("sys/devices/system/cpu/online", Array("0-2\n".utf8))
        let (section, diagnostics) = Self.collect(root: tree.path)
        let cpu = try #require(section)
        #expect(cpu.cpuCount == 4 && cpu.offlineCpus == [3])
        #expect(cpu.modelName == nil && cpu.types.isEmpty)
        #expect(diagnostics.contains {
            $0.path == tree.path + "/proc/cpuinfo" && $0.severity == .error && $0.error.contains("no such file")
        })
    }

    @Test func malformedCPUListsAndMasks_areDiagnostics_notCrashes() throws {
        let tree = try TemporaryTree()
        try tree.write("proc/cpuinfo", Array("processor : 0\nmodel name : X\n".utf8))
        try tree.write("sys/devices/system/cpu/possible", Array("0-\u{ff}\n".utf8))
        try tree.write("sys/devices/system/cpu/present", Array("\n".utf8))
        try tree.write("sys/devices/system/cpu/cpu0/topology/thread_siblings", Array("xyz\n".utf8))
        try tree.write("sys/devices/system/cpu/cpu0/cache/index0/level", Array("one\n".utf8))
        try tree.write("sys/devices/system/node/node0/cpumap", Array("not a mask".utf8))
        let (section, diagnostics) = Self.collect(root: tree.path)
        let cpu = try #require(section)
        #expect(cpu.possibleCpus == [0])
        #expect(cpu.caches.isEmpty)
        let paths = diagnostics.compactMap(\.path).map { String($0.dropFirst(tree.path.count)) }
        #expect(paths.contains("/sys/devices/system/cpu/possible"))
        #expect(paths.contains("/sys/devices/system/cpu/cpu0/topology/thread_siblings"))
        #expect(paths.contains("/sys/devices/system/cpu/cpu0/cache/index0/level"))
        #expect(paths.contains("/sys/devices/system/node/node0/cpumap"))
    }

    @Test func emptyRoot_givesNoSectionAndSaysWhy() throws {
        let tree = try TemporaryTree()
        let (section, diagnostics) = Self.collect(root: tree.path)
        #expect(section == nil)
        #expect(diagnostics.contains { $0.severity == .error && $0.error.contains("no CPUs found") })
    }
}
