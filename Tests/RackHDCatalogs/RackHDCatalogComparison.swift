/// One catalog command's output from the real tool and from mkagent, both parsed as RackHD's server parses
/// them, and compared: the catalog source, whether it is stored, the lookups, and the data value by value.
public struct RackHDCatalogComparison {
    public let cmd: String
    public let expected: RackHDCatalog
    public let actual: RackHDCatalog
    public private(set) var differences: [String] = []
    /// Leaf values compared in the data and the lookups.
    public private(set) var comparedLeaves = 0

    public init(cmd: String, tool: String, mkagent: String) {
        self.cmd = cmd
        expected = RackHDCommandParser.parse(cmd: cmd, stdout: tool)
        actual = RackHDCommandParser.parse(cmd: cmd, stdout: mkagent)
        if expected.source != actual.source { differences.append("source: \(expected.source) vs \(actual.source)") }
        if expected.store != actual.store { differences.append("store: \(expected.store) vs \(actual.store)") }
        // The same failure on both sides is the same outcome: RackHD stores nothing either way.
        if (expected.error == nil) != (actual.error == nil) {
            differences.append("error: tool's \(expected.error ?? "none"), mkagent's \(actual.error ?? "none")")
        }
        for (name, a, b) in [("data", expected.data, actual.data), ("lookups", expected.lookups, actual.lookups)] {
            let comparison = JSValueComparison(a ?? .undefined, b ?? .undefined, path: name)
            differences += comparison.differences
            comparedLeaves += comparison.comparedLeaves
        }
    }

    public var summary: String {
        "\(cmd): \(comparedLeaves) parsed values compared, \(differences.count) differing" +
            (expected.error.map { "; RackHD's parser fails on the tool's own output too (\($0)), so it stores nothing" } ?? "") +
            (differences.isEmpty ? "" : ":\n  " + differences.prefix(40).joined(separator: "\n  "))
    }
}
