import Foundation
import Testing
@testable import Facts

/// ohai itself as the oracle for the `dmi` section: ohai's dmi plugin runs `dmidecode`, so it is run with a
/// `dmidecode` on its PATH that decodes the fixture dump, and its section is compared with the one mkagent
/// builds from its own text of the same dump.
///
/// The installed ohai is a later version than the 6.14 whose layout mkagent follows; two of its changes are
/// allowed for: it keeps only the last item of a list field (its Mash class check no longer matches, so each
/// item replaces the list), and it strips the convenience values.
@Suite struct OhaiDMIOracleTests {
    static let ohai: String? = ExternalTool.path("ohai")

    /// `ohai dmi` with a `dmidecode` that prints `dmidecode --from-dump FIXTURE`.
    static func ohaiSection(_ fixture: String) throws -> [String: Any] {
        let bin = FileManager.default.temporaryDirectory.appendingPathComponent("mkagent-ohai-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: bin) }
        let script = "#!/bin/sh\nexec \(DMIOracle.dmidecode!) --from-dump '\(Fixtures.path(fixture))'\n"
        try Data(script.utf8).write(to: URL(fileURLWithPath: bin + "/dmidecode"))
        chmod(bin + "/dmidecode", 0o755)
        let output = try ExternalTool.run("ohai", ["dmi"], environment: ["PATH": bin + ":/usr/bin:/bin", "HOME": bin], directory: bin)
        return try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    }

    @Test(arguments: DMIOracle.dumps)
    func dmiSection_matchesOhai(_ fixture: String) throws {
        guard Self.ohai != nil, DMIOracle.dmidecode != nil else {
            print("skipped: ohai or dmidecode is not installed (Debian packages ohai, dmidecode)")
            return
        }
        let expected = try Self.ohaiSection(fixture)
        let (sources, _) = OhaiSources.read(
            files: HostFiles(root: .host), facts: Facts(metadata: .init(
                mkagentVersion: "test", collectedAt: "", roots: .host, rootOrigins: [:], collectors: [])),
            dmiDumpFile: Fixtures.path(fixture))
        let actual = OhaiDMI.section(dmidecodeText: try #require(sources.dmidecodeText))
        var compared = 0
        for key in ["dmidecode_version", "smbios_version", "table_location"] {
            #expect(actual[key]?.string == expected[key] as? String, "\(fixture): dmi.\(key)")
            compared += 1
        }
        let structures = expected["structures"] as? [String: String]
        #expect(actual["structures"]?.value(at: ["count"])?.string == structures?["count"], "\(fixture): dmi.structures")
        #expect(actual["structures"]?.value(at: ["size"])?.string == structures?["size"], "\(fixture): dmi.structures")
        let types = expected.keys.filter { expected[$0] is [String: Any] && $0 != "structures" }.sorted()
        #expect(actual.keys.filter { !["dmidecode_version", "smbios_version", "structures", "table_location"].contains($0) }.sorted() == types)
        for type in types {
            guard case .object(let mine)? = actual[type], let theirs = expected[type] as? [String: Any] else {
                Issue.record("\(fixture): dmi.\(type) missing")
                continue
            }
            let theirRecords = theirs["all_records"] as? [[String: Any]] ?? []
            guard case .array(let myRecords)? = mine["all_records"], myRecords.count == theirRecords.count else {
                Issue.record("\(fixture): dmi.\(type).all_records differ in number")
                continue
            }
            for (record, theirRecord) in zip(myRecords, theirRecords) {
                guard case .object(let fields) = record else { continue }
                #expect(Set(fields.keys) == Set(theirRecord.keys), "\(fixture): dmi.\(type) record fields")
                for field in fields.keys {
                    compared += 1
                    switch fields[field]! {
                    case .object(let items):
                        // ohai keeps the last item only.
                        #expect((theirRecord[field] as? [String: Any]).map { Array($0.keys) } == [items.keys.last!],
                                "\(fixture): dmi.\(type) \(field)")
                    case .string(let text):
                        #expect(theirRecord[field] as? String == text, "\(fixture): dmi.\(type) \(field)")
                    default:
                        #expect(theirRecord[field] is NSNull, "\(fixture): dmi.\(type) \(field)")
                    }
                }
            }
            let convenience = mine.keys.filter { $0 != "all_records" }
            #expect(Set(convenience) == Set(theirs.keys.filter { $0 != "all_records" }), "\(fixture): dmi.\(type) keys")
            for key in convenience {
                compared += 1
                #expect(mine[key]?.string?.trimmed() == theirs[key] as? String, "\(fixture): dmi.\(type).\(key)")
            }
        }
        #expect(compared > 10)
    }
}
