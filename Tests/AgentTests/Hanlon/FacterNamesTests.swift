import Foundation
import TestSupport
import Testing

/// The flat facts `mkagent run` registers on this machine carry Facter's legacy names and values for the
/// facts both know, after the server's default exclusion pattern is applied to both.
@Suite struct FacterNamesTests {
    static let facter = ["/usr/bin/facter", "/usr/local/bin/facter"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: facter != nil, "facter is not installed: the legacy names cannot be compared"))
    func registeredFacts_matchFacterLegacyNames_onThisMachine() throws {
        LLDPPeer.hostInterfaces.lock()
        defer { LLDPPeer.hostInterfaces.unlock() }
        let h = try HanlonHarness()
        try h.startAgent(fixtureRoot: false)
        #expect(eventually { h.server.registrations.count == 1 })
        h.agent?.stop()
        let sent = try #require(h.server.registrations.first).attributes

        let data = Data(try CapturedRun.run(Self.facter!, ["--show-legacy", "--json"]).stdout.utf8)
        let facter = try JSONDecoder().decode([String: FacterValue].self, from: data)
        let pattern = try Regex(HanlonSettingsText.defaultPattern)
        var flat: [String: String] = [:]
        for (name, value) in facter where (try? pattern.firstMatch(in: name)) == nil {
            if let text = value.text { flat[name] = text }  // structured facts (os, networking, ...) have no flat twin
        }
        #expect(!sent.keys.contains { (try? pattern.firstMatch(in: $0)) != nil }, "the exclusion pattern was applied")
        let common = Set(flat.keys).intersection(sent.keys).sorted()
        var mismatches: [String] = []
        for name in common where flat[name] != sent[name] {
            mismatches.append("\(name): facter \(flat[name]!.debugDescription), mkagent \(sent[name]!.debugDescription)")
        }
        print("facts compared with facter (\(common.count)): \(common.joined(separator: " "))")
        print("facter only: \(Set(flat.keys).subtracting(sent.keys).sorted().joined(separator: " "))")
        print("mkagent only: \(Set(sent.keys).subtracting(flat.keys).sorted().joined(separator: " "))")
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        #expect(common.count >= 10, "too few facts in common: \(common)")
    }
}

/// A Facter value as Ruby's to_s would print it; nil for hashes and arrays.
enum FacterValue: Decodable {
    case text(String)
    case structured

    init(from decoder: Decoder) throws {
        let value = try decoder.singleValueContainer()
        if let b = try? value.decode(Bool.self) {
            self = .text(b ? "true" : "false")
        } else if let i = try? value.decode(Int64.self) {
            self = .text("\(i)")
        } else if let d = try? value.decode(Double.self) {
            self = .text("\(d)")
        } else if let s = try? value.decode(String.self) {
            self = .text(s)
        } else {
            self = .structured
        }
    }

    var text: String? {
        if case .text(let t) = self { return t }
        return nil
    }
}
