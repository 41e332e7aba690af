import Foundation
import RackHDCatalogs
import Testing

/// The reimplemented parsers against RackHD's own (command-parser.js run with node) on every catalog text
/// at hand: RackHD's test inputs, dmidecode's and mkagent's text of the DMI dumps, and this host's lspci,
/// lshw, lsscsi and ohai outputs from the tools and from mkagent. Same source, same stored flag, same
/// failure, same data and lookups.
@Suite(.enabled(if: RackHDReferenceParser.unavailable == nil, Comment(rawValue: RackHDReferenceParser.unavailable ?? "")))
struct RackHDParserOracleTests {
    static func specInputs() throws -> [(cmd: String, stdout: String)] {
        var tasks: [(cmd: String, stdout: String)] = [
            ("sudo dmidecode", try RackHDSpecInputs.sample("dmidecode-supermicro.txt")),
            ("sudo dmidecode", try RackHDSpecInputs.sample("dmidecode-quanta.txt")),
            ("sudo lspci -nn -vmm", try RackHDSpecInputs.helper("lspciOutput")),
            ("sudo lshw -json", try RackHDSpecInputs.helper("lshwOutput")),
            ("sudo lshw -json", try RackHDSpecInputs.sample("multi-nic-lshw.txt")),
            ("sudo lsblk -o KNAME,TYPE,ROTA; echo BREAK; sudo lsscsi --size", try RackHDSpecInputs.helper("lsscsiPlusRotationalOutput")),
            ("sudo ipmitool sel", try RackHDSpecInputs.sample("ipmi-sel-information.txt")),
            ("sudo ipmitool sel list -c", try RackHDSpecInputs.helper("ipmiSelOutput")),
            ("sudo ipmitool -c user list 1", try RackHDSpecInputs.helper("ipmiUserListOutput")),
            ("sudo ipmitool user summary 1", try RackHDSpecInputs.helper("ipmiUserSummaryOutput")),
            ("sudo ipmitool mc info", try RackHDSpecInputs.helper("ipmiMcInfoOutput")),
            ("sudo ipmitool fru", try RackHDSpecInputs.sample("quanta_fru.txt")),
            ("sudo /usr/sbin/lldpcli show neighbor -f keyvalue", try RackHDSpecInputs.sample("lldp.txt")),
            ("sudo ipmitool lan print 3", try RackHDSpecInputs.helper("ipmiLanPrintOutputUnused")),
            ("sudo ipmitool lan print", try RackHDSpecInputs.helper("ipmiLanPrintOutputValidIp")),
        ]
        for cmd in ["sudo ipmitool lan print", "sudo ipmitool lan print 15", "sudo ipmitool -c user list 3", "sudo ipmitool user summary 15"] {
            tasks.append((cmd, try RackHDSpecInputs.helper("ipmiLanPrintOutput")))
        }
        // Edge cases of the rules: no output, a FRU line before any device, an lldp key below a value.
        tasks += [("sudo ipmitool mc info", ""), ("sudo ipmitool fru", "Board Mfg : X\n"),
                  ("sudo /usr/sbin/lldpcli show neighbor -f keyvalue", "lldp.eth0.via=LLDP\nlldp.eth0.via.x=1\n"),
                  ("sudo ipmitool lan print 2", ""), ("sudo lshw -json", "{\"children\":[{\"children\":[{\"id\":\"pci\",\"children\":[{\"id\":\"network\",\"serial\":\"aa\"}]}]}]}")]
        return tasks
    }

    static func hostInputs() throws -> [(cmd: String, stdout: String)] {
        var tasks: [(cmd: String, stdout: String)] = []
        for dump in RackHDCatalogToolTests.dmiDumps {
            let path = RackHDCatalogToolTests.fixtures + "/" + dump
            if let dmidecode = RackHDCatalogToolTests.tool("dmidecode") {
                tasks.append(("sudo dmidecode", try MkAgentProcess.execute([dmidecode, "--from-dump", path]).stdout))
            }
            tasks.append(("sudo dmidecode", try MkAgentProcess.run(["dmi", "--dmi-dump", path]).stdout))
        }
        for (cmd, tool, mine) in [("sudo lspci -nn -vmm", ["lspci", "-nn", "-vmm"], ["lspci", "-nn", "-vmm"]),
                                  ("sudo lshw -json", ["lshw", "-json", "-quiet"], ["lshw", "-json"])] {
            if let path = RackHDCatalogToolTests.tool(tool[0]) {
                tasks.append((cmd, try MkAgentProcess.execute([path] + tool.dropFirst()).stdout))
            }
            tasks.append((cmd, try MkAgentProcess.run(mine).stdout))
        }
        tasks.append(("sudo ohai --directory /etc/ohai/plugins", try MkAgentProcess.run(["ohai"]).stdout))
        return tasks
    }

    static func compare(_ tasks: [(cmd: String, stdout: String)]) throws {
        let reference = try RackHDReferenceParser.parse(tasks)
        #expect(reference.count == tasks.count)
        var compared = 0
        for (task, expected) in zip(tasks, reference) {
            let mine = RackHDCommandParser.parse(cmd: task.cmd, stdout: task.stdout)
            let label = "\(task.cmd) (\(task.stdout.prefix(40).debugDescription)...)"
            #expect(mine.source == expected.source, "\(label): source")
            #expect(mine.store == expected.store, "\(label): store")
            #expect((mine.error == nil) == (expected.error == nil), "\(label): error \(mine.error ?? "none"), RackHD's \(expected.error ?? "none")")
            for (name, a, b) in [("data", expected.data, mine.data), ("lookups", expected.lookups, mine.lookups)] {
                let comparison = JSValueComparison(a ?? .undefined, b ?? .undefined, path: name)
                compared += comparison.comparedLeaves
                #expect(comparison.isEqual, "\(label): \(comparison.differences.prefix(10))")
            }
        }
        print("rackhd parser oracle: \(tasks.count) outputs, \(compared) parsed values compared with command-parser.js")
    }

    @Test func rackHDsTestInputs_parseAsRackHDParsesThem() throws {
        try Self.compare(try Self.specInputs())
    }

    @Test func toolAndMkagentOutputs_parseAsRackHDParsesThem() throws {
        try Self.compare(try Self.hostInputs())
    }
}
