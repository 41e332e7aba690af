/// `os-release(5)`: the distribution's identification, from `etc/os-release` under the etc root.
///
/// The file is a list of shell-style assignments; values may be double-quoted (with `\"`, `\\`, `\$`,
/// `` \` `` escapes), single-quoted (literal) or bare.
public struct OSRelease: Sendable, Equatable, Codable {
    public var name: String?
    public var id: String?
    public var idLike: [String]?
    public var version: String?
    public var versionId: String?
    public var versionCodename: String?
    public var prettyName: String?
    public var variantId: String?
    public var buildId: String?

    public init(fields: [String: String]) {
        name = fields["NAME"]
        id = fields["ID"]
        idLike = fields["ID_LIKE"].map(SysfsValue.words).flatMap { $0.isEmpty ? nil : $0 }
        version = fields["VERSION"]
        versionId = fields["VERSION_ID"]
        versionCodename = fields["VERSION_CODENAME"]
        prettyName = fields["PRETTY_NAME"]
        variantId = fields["VARIANT_ID"]
        buildId = fields["BUILD_ID"]
    }

    /// Every assignment in the file; lines that are not `KEY=value` are returned as problems.
    static func parse(_ text: String) -> (fields: [String: String], problems: [String]) {
        var fields: [String: String] = [:]
        var problems: [String] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = SysfsValue.trimmed(rawLine)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "="), equals != line.startIndex,
                  line[..<equals].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }),
                  let value = unquote(line[line.index(after: equals)...])
            else {
                problems.append("line \(index + 1): '\(rawLine.prefix(60))' is not KEY=value; skipped")
                continue
            }
            fields[String(line[..<equals])] = value
        }
        return (fields, problems)
    }

    /// A shell word: quotes removed, escapes resolved; nil when a quote is not closed.
    static func unquote(_ text: Substring) -> String? {
        var result = ""
        var iterator = text.makeIterator()
        while let c = iterator.next() {
            switch c {
            case "\"":
                var closed = false
                while let d = iterator.next() {
                    if d == "\"" { closed = true; break }
                    if d == "\\" {
                        guard let e = iterator.next() else { return nil }
                        if !"\"\\$`".contains(e) { result.append("\\") }
                        result.append(e)
                    } else {
                        result.append(d)
                    }
                }
                if !closed { return nil }
            case "'":
                var closed = false
                while let d = iterator.next() {
                    if d == "'" { closed = true; break }
                    result.append(d)
                }
                if !closed { return nil }
            case "\\":
                guard let e = iterator.next() else { return nil }
                result.append(e)
            default:
                result.append(c)
            }
        }
        return result
    }
}
