/// The `Name:  value [kB]` lines of `/proc/meminfo` and of `node/nodeN/meminfo` (whose lines start with
/// `Node N `), as numbers: lines in kB are converted to bytes, the rest (`HugePages_Total`) are counts.
struct MemInfo: Sendable, Equatable {
    var values: [String: UInt64]
    /// Lines that were not understood, each with its line number; they are skipped.
    var problems: [String]

    static func parse(_ text: String) -> MemInfo {
        var values: [String: UInt64] = [:]
        var problems: [String] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(SysfsValue.trimmed(rawLine))
            if line.isEmpty { continue }
            // Per-node files: "Node 0 MemTotal:  32980312 kB".
            if line.hasPrefix("Node ") {
                let words = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
                if words.count == 3, Int(words[1]) != nil { line = words[2] }
            }
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex,
                  let number = Self.number(line[line.index(after: colon)...])
            else {
                problems.append("line \(index + 1): '\(rawLine.prefix(60))' is not 'Name: value [kB]'; skipped")
                continue
            }
            values[String(line[..<colon])] = number
        }
        return MemInfo(values: values, problems: problems)
    }

    /// `  123 kB` in bytes, or a bare count; nil for anything else (a unit other than kB, overflow).
    private static func number(_ text: Substring) -> UInt64? {
        let words = SysfsValue.words(text)
        guard let first = words.first, let value = UInt64(first) else { return nil }
        switch words.count {
        case 1: return value
        case 2 where words[1] == "kB":
            let (bytes, overflow) = value.multipliedReportingOverflow(by: 1024)
            return overflow ? nil : bytes
        default: return nil
        }
    }
}
