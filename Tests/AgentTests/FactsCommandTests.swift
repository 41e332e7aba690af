import Foundation
import Testing
import Yams

/// `mkagent facts` end to end, on fixture trees and on this machine.
@Suite struct FactsCommandTests {
    static let dump = fixture("dmi/u-root/SuperMicro-X9DBL.bin")

    static func fixture(_ relative: String) -> String {
        let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let root = ProcessInfo.processInfo.environment["MKAGENT_FIXTURES"]
            ?? project.deletingLastPathComponent().appendingPathComponent("shared/fixtures").path
        return root + "/" + relative
    }

    /// A root holding only the kernel's two SMBIOS files, made from a `--dump-bin` file.
    static func sysfsTree(fromDump path: String) throws -> String {
        let dump = try Data(contentsOf: URL(fileURLWithPath: path))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mkagent-cli-\(UUID().uuidString)")
        let tables = dir.appendingPathComponent("sys/firmware/dmi/tables")
        try FileManager.default.createDirectory(at: tables, withIntermediateDirectories: true)
        try dump.prefix(Int(dump[5])).write(to: tables.appendingPathComponent("smbios_entry_point"))
        try dump.dropFirst(0x20).write(to: tables.appendingPathComponent("DMI"))
        return dir.path
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func rootWithOnlyTheSysfsTables_givesDMIFacts() throws {
        let root = try Self.sysfsTree(fromDump: Self.dump)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try MkAgentProcess.run(["facts", "--root", root])
        #expect(result.status == 0)
        let facts = try Self.json(result.stdout)
        let dmi = try #require(facts["dmi"] as? [String: Any])
        #expect((dmi["system"] as? [String: Any])?["manufacturer"] as? String == "Thomas-Krenn.AG")
        #expect(dmi["smbios_version"] as? String == "2.7")
        // The root holds nothing but the SMBIOS table: the dmi collector is content, the others say what is missing.
        let diagnostics = try #require(facts["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.filter { $0["collector"] as? String == "dmi" }.isEmpty)
        let metadata = try #require(facts["metadata"] as? [String: Any])
        #expect((metadata["roots"] as? [String: Any])?["sys"] as? String == root + "/sys")
        #expect((metadata["root_origins"] as? [String: Any])?["sys"] as? String == "flag")
    }

    @Test func thisBuildMachine_printsValidJSON_andSaysWhereItLookedWhenThereIsNoTable() throws {
        let result = try MkAgentProcess.run(["facts"])
        #expect(result.status == 0)
        let facts = try Self.json(result.stdout)
        if facts["dmi"] == nil {
            let diagnostics = try #require(facts["diagnostics"] as? [[String: Any]])
            let messages = diagnostics.compactMap { $0["error"] as? String }
            #expect(messages.contains { $0.contains("no SMBIOS table found (looked in /sys/firmware/dmi/tables and /dev/mem)") })
            #expect(result.stderr.contains("no SMBIOS table found"))
        }
    }

    @Test func environmentRoot_isUsedWhenNoFlagIsGiven() throws {
        let root = try Self.sysfsTree(fromDump: Self.dump)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try MkAgentProcess.run(["facts", "--only", "dmi"], environment: ["MKAGENT_ROOT": root])
        let facts = try Self.json(result.stdout)
        #expect((facts["dmi"] as? [String: Any])?["structure_count"] as? Int == 115)
        let metadata = try #require(facts["metadata"] as? [String: Any])
        #expect((metadata["root_origins"] as? [String: Any])?["proc"] as? String == "environment")
    }

    @Test func tablesDirectoryWithoutPermission_isADiagnostic_andExitZero() throws {
        let root = try Self.sysfsTree(fromDump: Self.dump)
        defer {
            chmod(root + "/sys/firmware/dmi/tables", 0o755)
            try? FileManager.default.removeItem(atPath: root)
        }
        chmod(root, 0o755)
        chmod(root + "/sys/firmware/dmi/tables", 0o000)
        // Root reads through any mode bits, so as root the check runs as the unprivileged user `nobody`.
        let wrapper = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        let result = try MkAgentProcess.run(["facts", "--root", root], wrapper: wrapper)
        #expect(result.status == 0)
        let facts = try Self.json(result.stdout)
        #expect(facts["dmi"] == nil)
        let diagnostics = try #require(facts["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.contains {
            $0["error"] as? String == "permission denied; trying the next source"
                && ($0["path"] as? String)?.hasSuffix("/sys/firmware/dmi/tables/smbios_entry_point") == true
        })
    }

    @Test func yamlAndFlat_carryTheSameFactsAsJSON() throws {
        let json = try Self.json(try MkAgentProcess.run(["facts", "--dmi-dump", Self.dump]).stdout)
        let yamlText = try MkAgentProcess.run(["facts", "--dmi-dump", Self.dump, "--format", "yaml"]).stdout
        let yaml = try #require(try Yams.load(yaml: yamlText) as? [String: Any])
        let jsonBios = try #require((json["dmi"] as? [String: Any])?["bios"] as? [String: Any])
        let yamlBios = try #require((yaml["dmi"] as? [String: Any])?["bios"] as? [String: Any])
        #expect(yamlBios["vendor"] as? String == jsonBios["vendor"] as? String)
        #expect(yamlBios["bios_revision"] as? String == "3.0")
        #expect(yamlBios["rom_size_bytes"] as? Int == jsonBios["rom_size_bytes"] as? Int)
        let flat = try MkAgentProcess.run(["facts", "--dmi-dump", Self.dump, "-f", "flat"]).stdout
        #expect(flat.split(separator: "\n").contains("dmi.bios.vendor=American Megatrends Inc."))
        #expect(flat.split(separator: "\n").contains("dmi.bios.rom_size_bytes=4194304"))
    }

    @Test func outputFile_receivesTheFacts() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mkagent-out-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try MkAgentProcess.run(["facts", "--dmi-dump", Self.dump, "--output", path])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let facts = try Self.json(try String(contentsOfFile: path, encoding: .utf8))
        #expect(facts["dmi"] != nil)
    }

    @Test func unreadableDumpOrUnwritableOutput_exitOne_unknownCollectorIsAUsageError() throws {
        #expect(try MkAgentProcess.run(["facts", "--dmi-dump", "/nonexistent.bin"]).status == 1)
        #expect(try MkAgentProcess.run(["facts", "--dmi-dump", Self.dump, "--output", "/nonexistent/dir/out.json"]).status == 1)
        let usage = try MkAgentProcess.run(["facts", "--only", "disks"])
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("unknown collector 'disks'"))
    }

    @Test func dmiCommand_withATypeFilter_printsOnlyThoseHandles() throws {
        let result = try MkAgentProcess.run(["dmi", "--dmi-dump", Self.dump, "--type", "bios"])
        #expect(result.status == 0)
        let handles = result.stdout.split(separator: "\n").filter { $0.hasPrefix("Handle ") }
        // dmidecode's "bios" keyword stands for types 0 and 13.
        #expect(handles.count == 2)
        #expect(handles.allSatisfy { $0.contains("DMI type 0,") || $0.contains("DMI type 13,") })
    }
}
