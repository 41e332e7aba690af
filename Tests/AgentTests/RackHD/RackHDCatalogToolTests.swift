import Foundation
import RackHDCatalogs
import Testing

/// mkagent's native catalog answers against the real tools on the same input, both parsed by the
/// reimplemented RackHD parsers: the DMI dumps (`dmidecode --from-dump`), and this host live (lspci,
/// lshw, lsblk + lsscsi). Equal parsed catalogs are what RackHD would store the same.
@Suite struct RackHDCatalogToolTests {
    static let fixtures: String = RackHDSpecInputs.sampleFiles.replacingOccurrences(of: "/rackhd-samplefiles", with: "")

    static func tool(_ name: String) -> String? {
        ["/usr/sbin/", "/usr/bin/", "/sbin/", "/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Every `dmidecode --dump-bin` file among the fixtures.
    static let dmiDumps: [String] = {
        ["dmi/u-root", "dmi/u-root-pkg-smbios", "dmi/systemd", "dmi/derived"].flatMap { directory in
            ((try? FileManager.default.contentsOfDirectory(atPath: fixtures + "/" + directory)) ?? [])
                .filter { $0.hasSuffix(".bin") }.map { directory + "/" + $0 }
        }.sorted()
    }()

    static func check(_ comparison: RackHDCatalogComparison) {
        print("rackhd catalog \(comparison.summary)")
        #expect(comparison.differences.isEmpty, "\(comparison.summary)")
        #expect(comparison.comparedLeaves > 0 || comparison.expected.error != nil, "\(comparison.cmd): nothing compared")
    }

    @Test func thereAreDMIDumps() {
        #expect(Self.dmiDumps.count >= 20)
    }

    @Test(arguments: dmiDumps)
    func dmi_sameCatalog_asDmidecode(dump: String) throws {
        guard let dmidecode = Self.tool("dmidecode") else {
            print("skipped: dmidecode is not installed")
            return
        }
        let path = Self.fixtures + "/" + dump
        let tool = try MkAgentProcess.execute([dmidecode, "--from-dump", path])
        let mine = try MkAgentProcess.run(["dmi", "--dmi-dump", path])
        Self.check(RackHDCatalogComparison(cmd: "sudo dmidecode", tool: tool.stdout, mkagent: mine.stdout))
    }

    @Test func lspci_sameCatalog_asLspci_onThisHost() throws {
        guard let lspci = Self.tool("lspci") else {
            print("skipped: lspci is not installed (pciutils)")
            return
        }
        let tool = try MkAgentProcess.execute([lspci, "-nn", "-vmm"])
        let mine = try MkAgentProcess.run(["lspci", "-nn", "-vmm"])
        Self.check(RackHDCatalogComparison(cmd: "sudo lspci -nn -vmm", tool: tool.stdout, mkagent: mine.stdout))
    }

    /// lshw's tree has values that differ between two runs (a CPU's current clock) and details lshw reads
    /// that mkagent's tree does not hold yet; the catalog compared here is what RackHD reads from it: that
    /// it parses, the `children[0].children` layout and the MAC lookups.
    @Test func lshw_sameLookups_asLshw_onThisHost() throws {
        guard let lshw = Self.tool("lshw") else {
            print("skipped: lshw is not installed")
            return
        }
        let tool = try MkAgentProcess.execute([lshw, "-json", "-quiet"])
        let mine = try MkAgentProcess.run(["lshw", "-json"])
        let comparison = RackHDCatalogComparison(cmd: "sudo lshw -json", tool: tool.stdout, mkagent: mine.stdout)
        #expect(comparison.actual.error == nil && comparison.actual.store, "\(comparison.actual.error ?? "")")
        let lookups = JSValueComparison(comparison.expected.lookups ?? .undefined, comparison.actual.lookups ?? .undefined)
        print("rackhd catalog sudo lshw -json: \(lookups.comparedLeaves) lookups compared, \(comparison.comparedLeaves) tree values compared, \(comparison.differences.count) differing")
        #expect(lookups.isEqual, "\(lookups.differences)")
        let ids = { (catalog: RackHDCatalog) in catalog.data?["children"]["0"]["children"].arrayValue?.items.map { $0["id"].string ?? "" } ?? [] }
        #expect(!ids(comparison.actual).isEmpty)
        #expect(Set(ids(comparison.expected)).isSubset(of: Set(ids(comparison.actual))) || Set(ids(comparison.actual)).isSubset(of: Set(ids(comparison.expected))),
                "children[0].children: lshw \(ids(comparison.expected)), mkagent \(ids(comparison.actual))")
    }

    /// The lsblk half comes from `mkagent lsblk` where mkagent has that command, else from lsblk itself.
    @Test func lsblkBreakLsscsi_sameCatalog_onThisHost() throws {
        guard let lsblk = Self.tool("lsblk"), let lsscsi = Self.tool("lsscsi") else {
            print("skipped: lsblk or lsscsi is not installed")
            return
        }
        let table = try MkAgentProcess.execute([lsblk, "-o", "KNAME,TYPE,ROTA"]).stdout
        let native = try MkAgentProcess.run(["lsblk", "-o", "KNAME,TYPE,ROTA"])
        if native.status != 0 { print("mkagent has no lsblk command yet: the lsblk half is lsblk's on both sides") }
        let tool = table + "BREAK\n" + (try MkAgentProcess.execute([lsscsi, "--size"]).stdout)
        let mine = (native.status == 0 ? native.stdout : table) + "BREAK\n" + (try MkAgentProcess.run(["lsscsi", "--size"]).stdout)
        let comparison = RackHDCatalogComparison(cmd: "sudo lsblk -o KNAME,TYPE,ROTA; echo BREAK; sudo lsscsi --size", tool: tool, mkagent: mine)
        print("rackhd catalog \(comparison.summary)")
        #expect(comparison.differences.isEmpty, "\(comparison.summary)")
        #expect(comparison.actual.store)
    }

    /// The ohai catalog is stored as parsed, so the check is that it parses and holds what RackHD's
    /// Redfish views read.
    @Test func ohai_isStored_withTheKeysRackHDReads() throws {
        let mine = try MkAgentProcess.run(["ohai", "--directory", "/etc/ohai/plugins"])
        let catalog = RackHDCommandParser.parse(cmd: "sudo ohai --directory /etc/ohai/plugins", stdout: mine.stdout)
        #expect(catalog.error == nil && catalog.store && catalog.source == "ohai")
        let data = try #require(catalog.data)
        #expect(data["cpu"]["real"].coercedString != "undefined")
        #expect(data["cpu"]["0"]["vendor_id"].string != nil)
        #expect(data["kernel"]["machine"].string != nil)
        #expect(!(data["network"]["interfaces"].objectValue?.keys.isEmpty ?? true))
    }
}
