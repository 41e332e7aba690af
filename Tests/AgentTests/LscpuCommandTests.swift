import Foundation
import Testing

/// `mkagent lscpu` against util-linux lscpu 2.38.1 on the same real machine dumps, and `mkagent facts
/// --only cpu` against lscpu on this machine.
@Suite(.enabled(if: LscpuOracle.lscpu != nil, "lscpu is not installed (apt-get install util-linux)"))
struct LscpuCommandTests {
    /// Fields allowed to differ from lscpu 2.38.1, as "dump|field#occurrence": reason. Empty: on all 22
    /// dumps every field mkagent prints is lscpu's, apart from `hostFields` (see `LscpuOracle`).
    static let allowedMismatches: [String: String] = [:]

    @Test func fixtureSet_isComplete() {
        #expect(LscpuOracle.dumps.count == 22)
    }

    /// Every dump: `mkagent lscpu --root DUMP -J` and `lscpu --sysroot DUMP -J`, field by field; and the
    /// text layouts line for line (the column width is the widest field's, whatever the architecture line).
    @Test func everyDump_everyField_matchesLscpu() throws {
        let lscpu = try #require(LscpuOracle.lscpu)
        var dumps = 0, fields = 0, matched = 0, allowed = 0
        for dump in LscpuOracle.dumps {
            let unpacked = try LscpuOracle.unpack(dump: dump)
            let expected = try LscpuOracle.lines(json: try LscpuOracle.run(lscpu, ["--sysroot", unpacked.root, "-J"]))
            let result = try MkAgentProcess.run(["lscpu", "--root", unpacked.root, "-J"])
            #expect(result.status == 0, "\(dump): exit \(result.status): \(result.stderr)")
            let actual = try LscpuOracle.lines(json: result.stdout)
            let comparison = LscpuOracle.compare(expected: expected, actual: actual, skipping: LscpuOracle.hostFields)
            dumps += 1
            fields += comparison.fields
            matched += comparison.matched
            for mismatch in comparison.mismatches {
                if Self.allowedMismatches["\(dump)|\(mismatch.key)"] != nil {
                    allowed += 1
                } else {
                    Issue.record("\(dump) \(mismatch.key): \(mismatch.message)")
                }
            }

            let expectedText = try LscpuOracle.run(lscpu, ["--sysroot", unpacked.root])
            let actualText = try MkAgentProcess.run(["lscpu", "--root", unpacked.root]).stdout
            let drop: (String) -> [Substring] = { text in
                text.split(separator: "\n", omittingEmptySubsequences: false)
                    .filter { line in !LscpuOracle.hostFields.contains { line.hasPrefix($0) } }
            }
            if comparison.mismatches.isEmpty {
                #expect(drop(actualText) == drop(expectedText), "\(dump): text layout differs")
            }
        }
        print("lscpu oracle: \(dumps) dumps, \(fields) fields compared, \(matched) match, \(allowed) allowed mismatches")
        #expect(dumps == 22)
        #expect(matched + allowed == fields)
    }

    /// The per-CPU tables on every dump: `-e`, `-e -J`, `-p`, `-p -a`, `-e -y` and a `--parse=` list of
    /// every column, line for line. One documented difference: where lscpu 2.38 prints a bare `-` as a
    /// JSON number (`"core": -`, not JSON), mkagent prints null.
    @Test func everyDump_perCPUTables_matchLscpu() throws {
        let lscpu = try #require(LscpuOracle.lscpu)
        let allColumns = "CPU,CORE,SOCKET,NODE,BOOK,DRAWER,CACHE,POLARIZATION,ADDRESS,CONFIGURED,ONLINE,MHZ,SCALMHZ%,MAXMHZ,MINMHZ,BOGOMIPS"
        let variants: [(lscpu: [String], mkagent: [String])] = [
            (["-e"], ["-e"]), (["-e", "-J"], ["-e", "-J"]), (["-p"], ["-p"]), (["-p", "-a"], ["-p", "-a"]),
            (["-e", "-y"], ["-e", "-y"]), (["-p=" + allColumns], ["--parse=" + allColumns]),
        ]
        var lines = 0
        for dump in LscpuOracle.dumps {
            let unpacked = try LscpuOracle.unpack(dump: dump)
            for variant in variants {
                let expected = try LscpuOracle.run(lscpu, ["--sysroot", unpacked.root] + variant.lscpu)
                    .split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.hasSuffix(": -,") ? $0.dropLast(2) + "null," : $0.hasSuffix(": -") ? $0.dropLast() + "null" : $0 }
                let actual = try MkAgentProcess.run(["lscpu", "--root", unpacked.root] + variant.mkagent).stdout
                    .split(separator: "\n", omittingEmptySubsequences: false)
                #expect(actual == expected, "\(dump) lscpu \(variant.lscpu.joined(separator: " "))")
                lines += expected.count
            }
        }
        print("lscpu oracle, per-CPU tables: \(LscpuOracle.dumps.count) dumps × \(variants.count) variants, \(lines) lines")
    }

    @Test func conflictingOptionsAndUnknownColumns_areUsageErrors() throws {
        for arguments in [["-e", "-p"], ["-a"], ["-e", "-a", "-c"], ["--extended=CPU,DISKS"]] {
            let result = try MkAgentProcess.run(["lscpu"] + arguments)
            #expect(result.status == 64, "\(arguments)")
        }
        #expect(try MkAgentProcess.run(["lscpu", "--parse=cpu,disks"]).stderr.contains("unknown column: disks"))
    }

    /// The ghw snapshot with offline CPUs is the one whole-host snapshot complete enough for lscpu
    /// (the others lack cpu/possible, without which lscpu stops).
    @Test func ghwOfflineCPUsSnapshot_matchesLscpu() throws {
        let lscpu = try #require(LscpuOracle.lscpu)
        let unpacked = try LscpuOracle.Unpacked(
            tarball: LscpuOracle.fixtures + "/ghw-snapshots/linux-amd64-offlineCPUs.tar.gz", rootName: nil)
        let expected = try LscpuOracle.lines(json: try LscpuOracle.run(lscpu, ["--sysroot", unpacked.root, "-J"]))
        let actual = try LscpuOracle.lines(json: try MkAgentProcess.run(["lscpu", "--root", unpacked.root, "-J"]).stdout)
        let comparison = LscpuOracle.compare(expected: expected, actual: actual, skipping: LscpuOracle.hostFields)
        #expect(comparison.fields > 20)
        #expect(comparison.mismatches.isEmpty, "\(comparison.mismatches)")
        #expect(actual.contains(LscpuOracle.Line(field: "Off-line CPU(s) list:", data: "2,3")))
    }

    /// The split roots: --sys-root and --proc-root point at the dump's trees separately.
    @Test func sysRootAndProcRoot_readTheSameDump() throws {
        let unpacked = try LscpuOracle.unpack(dump: "x86_64-dell_e4310")
        let joined = try MkAgentProcess.run(["lscpu", "--root", unpacked.root, "-J"]).stdout
        let split = try MkAgentProcess.run(
            ["lscpu", "--sys-root", unpacked.root + "/sys", "--proc-root", unpacked.root + "/proc", "-J"]).stdout
        #expect(try LscpuOracle.lines(json: split) == LscpuOracle.lines(json: joined))
        #expect(joined.contains("Intel(R) Core(TM) i5 CPU       M 560  @ 2.67GHz"))
    }

    /// This machine: the facts' CPU count and model name are lscpu's, and `mkagent lscpu -J` prints what
    /// lscpu prints (frequency scaling changes from one run to the next and is left out).
    @Test func liveHost_factsAndLscpuAgreeWithLscpu() throws {
        let lscpu = try #require(LscpuOracle.lscpu)
        let expected = try LscpuOracle.lines(json: try LscpuOracle.run(lscpu, ["-J"]))
        let result = try MkAgentProcess.run(["facts", "--only", "cpu"])
        #expect(result.status == 0)
        let facts = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let cpu = try #require(facts["cpu"] as? [String: Any])
        let count = expected.first { $0.field == "CPU(s):" }?.data
        #expect(count != nil && (cpu["cpu_count"] as? Int).map(String.init) == count)
        let modelName = expected.first { $0.field == "Model name:" }?.data
        if let modelName, modelName != "-" {
            #expect(cpu["model_name"] as? String == modelName)
        }
        #expect(cpu["vendor"] as? String == expected.first { $0.field == "Vendor ID:" }?.data)

        let actual = try LscpuOracle.lines(json: try MkAgentProcess.run(["lscpu", "-J"]).stdout)
        let comparison = LscpuOracle.compare(expected: expected, actual: actual, skipping: ["CPU(s) scaling MHz:"])
        #expect(comparison.mismatches.isEmpty, "\(comparison.mismatches)")
    }
}
