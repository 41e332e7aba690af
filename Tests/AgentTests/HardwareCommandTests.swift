import Foundation
import Testing

/// The pci, storage, usb and hardware facts and the lshw, lspci and lsscsi commands when things are missing:
/// no name database, no udev database, a device node without read permission. Each is a diagnostic and the
/// exit code stays 0.
@Suite struct HardwareCommandTests {
    /// A root with one SATA-less disk `sda` (sysfs attributes as the kernel writes them) and an MBR image as
    /// its device node.
    static func diskRoot() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mkagent-disk-\(UUID().uuidString)").path
        func write(_ relative: String, _ text: String) throws {
            let path = root + "/" + relative
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data((text + "\n").utf8).write(to: URL(fileURLWithPath: path))
        }
        try write("sys/devices/virtual/block/sda/size", "16384")
        try write("sys/devices/virtual/block/sda/dev", "8:0")
        try write("sys/devices/virtual/block/sda/ro", "0")
        try write("sys/devices/virtual/block/sda/removable", "0")
        try write("sys/devices/virtual/block/sda/queue/rotational", "1")
        try write("sys/devices/virtual/block/sda/queue/logical_block_size", "512")
        try write("sys/devices/virtual/block/sda/queue/physical_block_size", "4096")
        try write("sys/devices/virtual/block/sda/sda1/partition", "1")
        try write("sys/devices/virtual/block/sda/sda1/start", "2048")
        try write("sys/devices/virtual/block/sda/sda1/size", "4096")
        try FileManager.default.createDirectory(atPath: root + "/sys/block", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/sys/block/sda", withDestinationPath: "../devices/virtual/block/sda")
        // An MBR with one Linux partition at 2048, 4096 sectors, disk signature 0xdeadbeef.
        var mbr = [UInt8](repeating: 0, count: 512)
        mbr[440] = 0xef; mbr[441] = 0xbe; mbr[442] = 0xad; mbr[443] = 0xde
        mbr[446 + 4] = 0x83
        mbr[446 + 8] = 0x00; mbr[446 + 9] = 0x08
        mbr[446 + 12] = 0x00; mbr[446 + 13] = 0x10
        mbr[510] = 0x55; mbr[511] = 0xAA
        try FileManager.default.createDirectory(atPath: root + "/dev", withIntermediateDirectories: true)
        try Data(mbr + [UInt8](repeating: 0, count: 4096)).write(to: URL(fileURLWithPath: root + "/dev/sda"))
        chmod(root, 0o755)
        return root
    }

    static func diagnostics(_ facts: [String: Any]) -> [String] {
        ((facts["diagnostics"] as? [[String: Any]]) ?? []).compactMap { $0["error"] as? String }
    }

    @Test func readableDeviceNode_givesPartitionTypes_andNoUdevDatabaseIsADiagnostic() throws {
        let root = try Self.diskRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try MkAgentProcess.run(["facts", "--only", "storage", "--root", root])
        #expect(result.status == 0)
        let facts = try FactsCommandTests.json(result.stdout)
        let storage = try #require(facts["storage"] as? [String: Any])
        let disk = try #require((storage["block_devices"] as? [[String: Any]])?.first)
        #expect(disk["partition_table_type"] as? String == "dos")
        #expect(disk["partition_table_id"] as? String == "0xdeadbeef")
        let partition = try #require((disk["partitions"] as? [[String: Any]])?.first)
        #expect(partition["type_name"] as? String == "Linux")
        #expect(partition["uuid"] as? String == "deadbeef-01")
        #expect(storage["properties_source"] as? String == "sysfs")
        #expect(Self.diagnostics(facts) == ["no udev database; serials, WWNs and by-id links come from sysfs alone"])
    }

    @Test func deviceNodeWithoutReadPermission_isADiagnostic_andTheDiskIsStillListed() throws {
        let root = try Self.diskRoot()
        defer {
            chmod(root + "/dev/sda", 0o644)
            try? FileManager.default.removeItem(atPath: root)
        }
        chmod(root + "/dev/sda", 0o000)
        // Root reads through any mode bits, so as root the check runs as the unprivileged user `nobody`.
        let wrapper = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        for collectors in ["storage", "hardware"] {
            let result = try MkAgentProcess.run(["facts", "--only", collectors, "--root", root], wrapper: wrapper)
            #expect(result.status == 0)
            let facts = try FactsCommandTests.json(result.stdout)
            #expect(Self.diagnostics(facts).contains(
                "permission denied reading the partition table of \(root)/dev/sda; partition types, UUIDs and labels are left out"))
            #expect(result.stderr.contains("permission denied reading the partition table"))
        }
        let facts = try FactsCommandTests.json(try MkAgentProcess.run(["facts", "--only", "storage", "--root", root], wrapper: wrapper).stdout)
        let disk = try #require(((facts["storage"] as? [String: Any])?["block_devices"] as? [[String: Any]])?.first)
        #expect(disk["size_bytes"] as? Int == 16384 * 512)
        #expect(disk["partition_table_type"] == nil)
        #expect((disk["partitions"] as? [[String: Any]])?.count == 1)
    }

    @Test func noNameDatabase_namesDevicesByIds_withADiagnostic() throws {
        let result = try MkAgentProcess.run(["lspci", "-nn", "-vmm", "--names", "none"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("and no pci.ids (looked in ); pci devices are named by their ids only"))
        for line in result.stdout.split(separator: "\n") where line.hasPrefix("Vendor:") {
            #expect(line.hasPrefix("Vendor:\tVendor ["), "\(line)")
        }
        let facts = try FactsCommandTests.json(try MkAgentProcess.run(["facts", "--only", "pci", "--names", "none"]).stdout)
        #expect((facts["pci"] as? [String: Any])?["names_source"] as? String == "none")
    }

    @Test func defaultFacts_leaveTheHardwareTreeOut_andOnlyHardwareAddsIt() throws {
        let plain = try FactsCommandTests.json(try MkAgentProcess.run(["facts"]).stdout)
        #expect(plain["hardware"] == nil)
        #expect(plain["pci"] != nil && plain["storage"] != nil && plain["usb"] != nil)
        let collectors = (plain["metadata"] as? [String: Any])?["collectors"] as? [String]
        #expect(collectors?.contains("hardware") == false)
        let only = try FactsCommandTests.json(try MkAgentProcess.run(["facts", "--only", "hardware"]).stdout)
        let tree = try #require(only["hardware"] as? [String: Any])
        #expect(tree["class"] as? String == "system")
        #expect(only["pci"] == nil)
    }

    @Test func emptyRoot_everyHardwareCommandExitsZero() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mkagent-empty-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        for arguments in [["lshw"], ["lshw", "-short"], ["lspci", "-nn", "-vmm"], ["lsscsi", "-s"], ["facts", "--only", "pci,storage,usb,hardware"]] {
            let result = try MkAgentProcess.run(arguments + ["--root", root])
            #expect(result.status == 0, "\(arguments)")
        }
        let facts = try FactsCommandTests.json(try MkAgentProcess.run(["facts", "--only", "pci", "--root", root]).stdout)
        #expect(Self.diagnostics(facts).contains("no PCI bus on this host (or sysfs not mounted); the section lists no devices"))
    }

    /// `mkagent lshw`, `lshw -json` and `lshw -short` skip the argument parser (LeanCommandLine); with an
    /// option it does not know (`--names auto`, the default) the parser runs the same command. Both must
    /// print the same bytes, on this host and on a root given through the environment.
    @Test(arguments: [[], ["-json"], ["-short"]])
    func leanCommandLine_printsWhatTheParsedCommandPrints(flags: [String]) throws {
        let root = try Self.diskRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for environment in [[:], ["MKAGENT_ROOT": root]] {
            let lean = try MkAgentProcess.run(["lshw"] + flags, environment: environment)
            let parsed = try MkAgentProcess.run(["lshw"] + flags + ["--names", "auto"], environment: environment)
            #expect(lean.status == 0 && parsed.status == 0)
            #expect(!lean.stdout.isEmpty)
            #expect(lean.stdout == parsed.stdout, "\(flags) \(environment)")
            #expect(lean.stderr == parsed.stderr, "\(flags) \(environment)")
        }
        // The root holds no PCI bus, so its tree is the bare system, board and memory (the host's has more).
        let onRoot = try MkAgentProcess.run(["lshw", "-short"], environment: ["MKAGENT_ROOT": root])
        #expect(onRoot.stdout.split(separator: "\n").map { $0.split(separator: " ").last ?? "" }
                == ["Description", "=====================================", "Computer", "Motherboard", "memory"],
                "the environment's root was read: \(onRoot.stdout)")
    }
}
