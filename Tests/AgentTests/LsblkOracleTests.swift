import Foundation
import Testing

/// `mkagent lsblk` against util-linux lsblk run on this machine in the same test, with the same arguments
/// and locale: the output must be the same, byte for byte.
@Suite(.serialized) struct LsblkOracleTests {
    /// Every column mkagent prints.
    static let allColumns = "NAME,KNAME,PKNAME,PATH,MAJ:MIN,RM,SIZE,RO,TYPE,MOUNTPOINT,MOUNTPOINTS,ROTA,MODEL,SERIAL,TRAN,VENDOR,WWN,HCTL,REV,LOG-SEC,PHY-SEC,START"

    static let variants: [[String]] = [
        [], ["-l"], ["-J"], ["-J", "-l"], ["-b"], ["-d"], ["-n"], ["-p"], ["-a"], ["-i"], ["-o", "+KNAME,ROTA"],
        ["-o", "KNAME,TYPE,ROTA"], ["-o", "kname,type,rota", "-n", "-d"],
        ["-o", allColumns], ["-l", "-o", allColumns], ["-J", "-b", "-o", allColumns], ["-J", "-l", "-o", allColumns],
    ]

    static func lsblk(_ arguments: [String], locale: String) throws -> String {
        let path = try #require(HardwareOracleTests.tool("lsblk"), "lsblk is not installed (see .ci/run)")
        let result = try MkAgentProcess.execute([path] + arguments, environment: ["LC_ALL": locale])
        #expect(result.status == 0, "lsblk \(arguments): \(result.stderr)")
        return result.stdout
    }

    @Test(arguments: ["C.UTF-8", "C"])
    func everyVariant_isLsblksOutput(_ locale: String) throws {
        var lines = 0
        for arguments in Self.variants {
            let oracle = try Self.lsblk(arguments, locale: locale)
            let ours = try MkAgentProcess.run(["lsblk"] + arguments, environment: ["LC_ALL": locale])
            #expect(ours.status == 0, "mkagent lsblk \(arguments): \(ours.stderr)")
            #expect(ours.stdout == oracle, "lsblk \(arguments.joined(separator: " ")) (LC_ALL=\(locale))")
            lines += oracle.split(separator: "\n").count
        }
        #expect(lines > Self.variants.count, "lsblk listed no devices here")
    }

    /// RackHD's catalog command, `lsblk -o KNAME,TYPE,ROTA; echo BREAK; lsscsi --size`, answered by mkagent.
    @Test func rackHDCatalogCommand_isTheToolsOutput() throws {
        let lsscsi = try #require(HardwareOracleTests.tool("lsscsi"), "lsscsi is not installed (see .ci/run)")
        let oracle = try Self.lsblk(["-o", "KNAME,TYPE,ROTA"], locale: "C")
            + "BREAK\n" + (try MkAgentProcess.execute([lsscsi, "--size"])).stdout
        let ours = try MkAgentProcess.run(["lsblk", "-o", "KNAME,TYPE,ROTA"]).stdout
            + "BREAK\n" + (try MkAgentProcess.run(["lsscsi", "--size"])).stdout
        #expect(ours == oracle)
        #expect(oracle.hasPrefix("KNAME TYPE ROTA\n"))
    }

    @Test func unknownColumn_isAUsageError() throws {
        let result = try MkAgentProcess.run(["lsblk", "-o", "KNAME,NOPE"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown column: NOPE"))
        #expect(result.stdout.isEmpty)
    }

    /// A root without `sys/block`: lsblk prints an empty table; mkagent prints the same and says why.
    @Test func missingSysBlock_isADiagnostic_notACrash() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("mkagent-lsblk-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: empty + "/sys", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        for arguments in [["-J"], []] {
            let oracle = try Self.lsblk(["--sysroot", empty] + arguments, locale: "C")
            let result = try MkAgentProcess.run(["lsblk", "--root", empty] + arguments)
            #expect(result.status == 0)
            #expect(result.stderr.contains(empty + "/sys/block"))
            #expect(result.stdout == oracle)
        }
    }
}
