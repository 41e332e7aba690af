import Foundation
import RackHDCatalogs
import Testing

/// In each booted profile, every catalog command RackHD runs, through the real tool and through mkagent,
/// parsed as RackHD's server parses them (RackHDCatalogs): the same source, stored flag, lookups and data.
///
/// Two catalogs are held to less than the whole data:
/// - `lshw -json`: RackHD stores the tree as it is and reads only its MAC lookups; those must be equal, the
///   tree's differences are printed (they are the lshw layout's, not the parser's).
/// - `ipmitool fru`: QEMU's BMC does not advertise FRU inventory support in its device id, so ipmitool
///   prints only the heading of FRU 0 (and exits 1 where the BMC has no SDR repository either); mkagent
///   reads FRU 0 anyway. There its catalog is compared with the heading followed by what
///   `ipmitool fru print 0` printed (the oracle).
@Suite(.serialized, .enabled(if: Harness.qemuAvailable, "qemu-system-x86_64 not installed"))
struct RackHDCatalogHarnessTests {
    static let fruHeading = "FRU Device Description : Builtin FRU Device (ID 0)\n"

    @Test(arguments: MachineProfile.names)
    func everyCatalog_parsesTheSame_fromMkagentAsFromTheTool(profile: String) throws {
        let boot = try ProfileBoot.of(profile)
        var total = 0
        for (index, pair) in RackHDCatalogPair.all.enumerated() {
            var (tool, mine) = boot.catalogOutputs(index)
            let fruPrint = boot.run.oracle("ipmitool-fru")
            if pair.cmd == "sudo ipmitool fru", tool.stdout == Self.fruHeading, fruPrint.status == 0 {
                print("harness: \(profile): ipmitool fru printed only the heading (exit \(tool.status ?? -1)); compared with ipmitool fru print 0")
                tool = GuestRun.Output(stdout: Self.fruHeading + fruPrint.stdout, stderr: "", status: 0)
            }
            #expect(mine.status == tool.status, "\(pair.mkagent) exited \(mine.status.map(String.init) ?? "-"), \(pair.tool) \(tool.status.map(String.init) ?? "-"): \(mine.stderr)")
            let comparison = RackHDCatalogComparison(cmd: pair.cmd, tool: tool.stdout, mkagent: mine.stdout)
            print("harness: \(profile): rackhd catalog \(comparison.summary)")
            if pair.cmd == "sudo lshw -json" {
                #expect(comparison.actual.error == nil && comparison.actual.store, "\(profile): lshw catalog not stored: \(comparison.actual.error ?? "")")
                let lookups = JSValueComparison(comparison.expected.lookups ?? .undefined, comparison.actual.lookups ?? .undefined)
                #expect(lookups.isEqual, "\(profile): lshw MAC lookups: \(lookups.differences)")
                total += lookups.comparedLeaves
                continue
            }
            #expect(comparison.differences.isEmpty, "\(profile): \(comparison.summary)")
            #expect(comparison.comparedLeaves > 0 || comparison.expected.error != nil, "\(profile): \(pair.cmd): nothing parsed")
            total += comparison.comparedLeaves
        }
        print("harness: \(profile): \(total) parsed catalog values compared over \(RackHDCatalogPair.all.count) commands")
    }
}
