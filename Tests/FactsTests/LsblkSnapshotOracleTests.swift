import Foundation
import Testing
@testable import Facts

/// `LsblkRenderer` on ghw's snapshots of real machines against util-linux lsblk run with `--sysroot` on the
/// same tree: byte-for-byte equal output for each argument set, in a UTF-8 and in the C locale.
///
/// lsblk finds a device's attributes through `sys/dev/block/MAJ:MIN`, which ghw does not copy; the test
/// adds those links, made from each device's own `dev` file, as the kernel has them. Nothing else in the
/// snapshot is changed.
@Suite struct LsblkSnapshotOracleTests {
    static let allColumns: [LsblkColumn] = LsblkColumn.allCases

    /// lsblk's arguments and the same request as renderer options.
    static let variants: [(arguments: [String], options: LsblkRenderer.Options)] = [
        ([], .init()),
        (["-l"], .init(list: true)),
        (["-J"], .init(json: true)),
        (["-J", "-l"], .init(list: true, json: true)),
        (["-b", "-d"], .init(bytes: true, noDependencies: true)),
        (["-n", "-p"], .init(noHeadings: true, paths: true)),
        (["-i"], .init(ascii: true)),
        (["-o", "KNAME,TYPE,ROTA"], .init(columns: [.kname, .type, .rota])),
        (["-o", allColumns.map(\.rawValue).joined(separator: ",")], .init(columns: allColumns)),
        (["-l", "-o", allColumns.map(\.rawValue).joined(separator: ",")], .init(columns: allColumns, list: true)),
        (["-J", "-b", "-o", allColumns.map(\.rawValue).joined(separator: ",")], .init(columns: allColumns, json: true, bytes: true)),
    ]

    /// `sys/dev/block/MAJ:MIN` → `../../block/DISK[/PART]` for every device and partition in `sys/block`.
    static func addDeviceNumberLinks(_ root: String) throws -> Int {
        let block = root + "/sys/block"
        let links = root + "/sys/dev/block"
        try FileManager.default.createDirectory(atPath: links, withIntermediateDirectories: true)
        var count = 0
        func link(_ relative: String) throws {
            guard let text = try? String(contentsOfFile: block + "/" + relative + "/dev", encoding: .utf8) else { return }
            let number = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !number.isEmpty, !FileManager.default.fileExists(atPath: links + "/" + number) else { return }
            try FileManager.default.createSymbolicLink(atPath: links + "/" + number, withDestinationPath: "../../block/" + relative)
            count += 1
        }
        for disk in (try? FileManager.default.contentsOfDirectory(atPath: block)) ?? [] {
            try link(disk)
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: block + "/" + disk)) ?? []
            where FileManager.default.fileExists(atPath: block + "/" + disk + "/" + entry + "/partition") {
                try link(disk + "/" + entry)
            }
        }
        return count
    }

    @Test(arguments: GhwSnapshotHardwareTests.snapshots)
    func renderer_isLsblkWithSysroot_byteForByte(_ name: String) throws {
        let tree = try GhwSnapshotHardwareTests.extract(name)
        let linked = try Self.addDeviceNumberLinks(tree.path)
        let lsblk = try #require(ExternalTool.path("lsblk"), "lsblk is not installed (see .ci/run)")
        let result = LsblkReader(files: HostFiles(root: HostRoot(under: tree.path))).read()
        #expect(!result.diagnostics.contains { $0.severity == .error } || linked == 0)
        for (locale, utf8) in [("C.UTF-8", true), ("C", false)] {
            for (arguments, request) in Self.variants {
                var options = request
                options.utf8 = utf8
                let oracle = try ExternalTool.run("env", ["LC_ALL=" + locale, lsblk, "--sysroot", tree.path] + arguments)
                #expect(oracle.status == 0, "lsblk \(arguments): \(oracle.stderr)")
                let ours = LsblkRenderer.render(result.devices, options: options)
                #expect(ours == oracle.stdout, "\(name): lsblk \(arguments.joined(separator: " ")) (LC_ALL=\(locale))")
            }
        }
    }

    /// The snapshots hold disks with partitions, so the comparisons above cover trees, not only flat lists.
    @Test func snapshots_includeDisksWithPartitions() throws {
        var partitions = 0
        for name in GhwSnapshotHardwareTests.snapshots {
            let tree = try GhwSnapshotHardwareTests.extract(name)
            partitions += LsblkReader(files: HostFiles(root: HostRoot(under: tree.path))).read().devices
                .reduce(0) { $0 + $1.partitions.count }
        }
        #expect(partitions >= 5)
    }
}

/// Trees no kernel makes: a garbage device number, an unreadable size, two device-mapper devices that
/// hold each other, a mount table of garbage.
@Suite struct LsblkBadInputTests {
    @Test func garbage_isSkippedWithADiagnostic_andAHolderLoopIsCut() throws {
        let tree = try TemporaryTree()
        try tree.write("sys/block/sda/dev", "garbage")
        try tree.write("sys/block/sdb/dev", "8:16")
        try tree.write("sys/block/sdb/size", "many")
        for (name, other, minor) in [("dm-0", "dm-1", 0), ("dm-1", "dm-0", 1)] {
            try tree.write("sys/block/\(name)/dev", "253:\(minor)")
            try tree.write("sys/block/\(name)/size", "8")
            try tree.write("sys/block/\(name)/dm/name", "vg-\(name)")
            try tree.write("sys/block/\(name)/holders/\(other)/dev", "253:\(1 - minor)")
        }
        try tree.write("proc/self/mountinfo", "not a mount\n1 2 x:y / / rw - ext4 /dev/sdb rw")
        let result = LsblkReader(files: HostFiles(root: HostRoot(under: tree.path))).read()
        #expect(result.devices.map(\.name) == ["dm-0", "dm-1", "sdb"])
        #expect(result.diagnostics.contains { $0.path?.hasSuffix("sys/block/sda/dev") == true })
        #expect(result.devices.last?.sizeBytes == 0)
        let text = LsblkRenderer.render(result.devices, options: .init(list: true))
        #expect(text.split(separator: "\n").count == 4)
        let tree2 = LsblkRenderer.render(result.devices, options: .init(columns: [.name]))
        // dm-0 → dm-1 → (dm-0 again: cut), dm-1 → dm-0 → (cut), sdb.
        #expect(tree2.split(separator: "\n").count == 1 + 5)
    }
}
