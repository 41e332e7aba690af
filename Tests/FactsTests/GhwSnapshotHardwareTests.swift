import Foundation
import Testing
@testable import Facts

/// ghw's snapshots of real machines (`/proc` and `/sys` as tarballs, with their symbolic links): every
/// collector runs on them without a crash, the pci and storage sections list exactly the PCI functions and
/// block devices each snapshot holds, and lspci run on the same sysfs is the oracle for ids and names.
@Suite struct GhwSnapshotHardwareTests {
    /// The snapshots that are tarballs (three more are git symlinks naming one of these).
    static let snapshots: [String] = {
        let directory = Fixtures.path("ghw-snapshots")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { name in
            guard name.hasSuffix(".tar.gz"), let data = FileManager.default.contents(atPath: directory + "/" + name) else {
                return false
            }
            return data.starts(with: [0x1F, 0x8B])
        }.sorted()
    }()

    static func extract(_ name: String) throws -> TemporaryTree {
        let tree = try TemporaryTree()
        let result = try ExternalTool.run("tar", ["-xzf", Fixtures.path("ghw-snapshots/" + name), "-C", tree.path])
        #expect(result.status == 0, "tar: \(result.stderr)")
        return tree
    }

    static func listing(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    @Test func thereAreSnapshots() {
        #expect(Self.snapshots.count >= 8)
    }

    @Test(arguments: snapshots)
    func everyCollector_runs_andListsExactlyTheSnapshotsDevices(_ name: String) throws {
        let tree = try Self.extract(name)
        let context = CollectionContext(files: HostFiles(root: HostRoot(under: tree.path)), names: NameDatabaseOptions(useHwdb: false))
        var facts = Facts(metadata: FactsMetadata(
            mkagentVersion: "test", collectedAt: "", roots: context.files.root, rootOrigins: [:], collectors: []))
        CollectorRunner(collectors: CollectorRunner.all, timeoutSeconds: 60).run(context, into: &facts)

        let pciExpected = Self.listing(tree.path + "/sys/bus/pci/devices")
        #expect(facts.pci?.devices.map(\.address) == pciExpected, "\(name)")
        let blockExpected = Self.listing(tree.path + "/sys/block")
        #expect(facts.storage?.blockDevices.map(\.name) == blockExpected, "\(name)")
        // Partitions are the sysfs subdirectories with a `partition` attribute.
        for disk in facts.storage?.blockDevices ?? [] {
            let expected = Self.listing(tree.path + "/sys/block/" + disk.name).filter {
                FileManager.default.fileExists(atPath: "\(tree.path)/sys/block/\(disk.name)/\($0)/partition")
            }
            #expect(disk.partitions.map(\.name).sorted() == expected, "\(name) \(disk.name)")
        }
        let hardware = try #require(facts.hardware)
        #expect(LshwShape.violations(hardware) == [], "\(name)")
        let businfo = Set(LshwShapeTests.flatten(hardware).compactMap(\.businfo))
        for address in pciExpected { #expect(businfo.contains("pci@" + address), "\(name): \(address) not in the tree") }
        #expect(!facts.diagnostics.contains { $0.error.contains("did not finish") })
    }

    /// `lspci -nn -vmm` reading the snapshot's sysfs (`-A linux-sysfs -O sysfs.path=`) with the same pci.ids:
    /// Slot, Class, Vendor, Device and ProgIf must be identical for every function.
    ///
    /// Allowed differences, because the snapshots have no `config` files:
    /// - `SVendor`/`SDevice`: lspci takes the subsystem from `config` or `subsystem_*`, which the snapshots
    ///   lack; mkagent falls back to the ids in `modalias`, so it prints lines lspci cannot.
    /// - `Rev`: lspci reads 0xff from the missing `config` (`Rev: ff`); mkagent reads the `revision` attribute.
    @Test(arguments: snapshots)
    func lspciOnTheSameSysfs_agreesOnIdsAndNames(_ name: String) throws {
        let tree = try Self.extract(name)
        let sysfs = tree.path + "/sys/bus/pci"
        guard FileManager.default.fileExists(atPath: sysfs + "/devices") else { return }
        let idsPath = try #require(NameDatabaseOptions().pciIDsPaths.first { FileManager.default.fileExists(atPath: $0) })
        let oracle = try ExternalTool.run("lspci", ["-A", "linux-sysfs", "-O", "sysfs.path=\(sysfs)", "-O", "hwdb.disable=1",
                                                    "-i", idsPath, "-nn", "-vmm"])
        let names = IDsFileNames(path: idsPath, database: IDsDatabase(parsing: try HostFiles.readFile(idsPath)))
        let (functions, _) = PCIReader(files: HostFiles(root: HostRoot(under: tree.path)), names: names).read()
        let ours = LspciRenderer.render(functions.map(\.device), options: .init(numeric: true))
        let allowed: Set<String> = ["SVendor", "SDevice", "Rev"]
        let theirs = Self.records(oracle.stdout, dropping: allowed)
        let mine = Self.records(ours, dropping: allowed)
        #expect(theirs.count == functions.count, "\(name)")
        #expect(mine == theirs, "\(name)")
    }

    static func records(_ text: String, dropping tags: Set<String>) -> [[String]] {
        text.components(separatedBy: "\n\n").filter { !$0.isEmpty }.map { record in
            record.split(separator: "\n").map(String.init).filter { line in
                !tags.contains(String(line.prefix { $0 != ":" }))
            }
        }
    }
}
