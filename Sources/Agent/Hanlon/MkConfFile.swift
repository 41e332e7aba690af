/// The Microkernel's `mk_conf.yaml`: a flat mapping of `mk_*` keys to scalars.
///
/// The Hanlon server writes it through a cloud-config (`core/image_service/microkernel.rb`) and the old agent
/// merged `client_config` into it, so it only ever holds `key: scalar` lines: plain, single- or double-quoted
/// strings and numbers, with `#` comments and an optional `---` document marker. That subset is parsed
/// here rather than with a YAML library: a full YAML parser (Yams) links LibYAML and Foundation, which would
/// pull ICU into the static binary for a file of seven lines. Anything outside the subset (nesting, lists,
/// block scalars) is reported with its line number instead of being guessed at.
struct MkConfFile: Equatable, Sendable {
    var values: [String: String]

    struct ParseError: Error, Equatable, CustomStringConvertible {
        var line: Int
        var reason: String
        var description: String { "line \(line): \(reason)" }
    }

    init(values: [String: String]) { self.values = values }

    init(parsing text: String) throws {
        var values: [String: String] = [:]
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed == "---" || trimmed == "..." { continue }
            if line.first == " " || line.first == "\t" {
                throw ParseError(line: number, reason: "indented line: only flat `key: value` lines are supported")
            }
            if trimmed.hasPrefix("- ") || trimmed == "-" {
                throw ParseError(line: number, reason: "list item: only flat `key: value` lines are supported")
            }
            guard let colon = Self.keySeparator(in: trimmed) else {
                throw ParseError(line: number, reason: "no `key: value` separator")
            }
            var key = trimmed[..<colon].trimmingSpaces()
            if let unquoted = Self.unquote(key) { key = Substring(unquoted) }
            guard !key.isEmpty else { throw ParseError(line: number, reason: "empty key") }
            let rest = trimmed[trimmed.index(after: colon)...].trimmingSpaces()
            values[String(key)] = try Self.scalar(rest, line: number)
        }
        self.values = values
    }

    /// The first `:` followed by a space or the line end, outside quotes (`mk_uri: http://h:8026` splits
    /// after `mk_uri`, not inside the URL).
    private static func keySeparator(in line: Substring) -> Substring.Index? {
        var quote: Character?
        var index = line.startIndex
        while index < line.endIndex {
            let c = line[index]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == ":" {
                let next = line.index(after: index)
                if next == line.endIndex || line[next] == " " || line[next] == "\t" { return index }
            }
            index = line.index(after: index)
        }
        return nil
    }

    private static func scalar(_ text: Substring, line: Int) throws -> String {
        if text.isEmpty || text == "~" || text == "null" { return "" }
        if text.first == "\"" || text.first == "'" {
            let quote = text.first!
            var body = text.dropFirst()
            var result = ""
            while let c = body.first {
                body = body.dropFirst()
                if c == quote {
                    if quote == "'" && body.first == "'" { result.append("'"); body = body.dropFirst(); continue }
                    let tail = body.trimmingSpaces()
                    guard tail.isEmpty || tail.hasPrefix("#") else {
                        throw ParseError(line: line, reason: "text after the closing quote")
                    }
                    return result
                }
                if quote == "\"" && c == "\\", let escaped = body.first {
                    body = body.dropFirst()
                    switch escaped {
                    case "n": result.append("\n")
                    case "t": result.append("\t")
                    case "\\": result.append("\\")
                    case "\"": result.append("\"")
                    case "/": result.append("/")
                    default: result.append("\\"); result.append(escaped)
                    }
                    continue
                }
                result.append(c)
            }
            throw ParseError(line: line, reason: "unterminated quoted string")
        }
        if text.first == "{" || text.first == "[" || text.first == "|" || text.first == ">" || text.first == "&"
            || text.first == "*" {
            throw ParseError(line: line, reason: "only plain scalars are supported, not `\(text.first!)`")
        }
        // A plain scalar ends at ` #` (a comment); a `#` inside a regex such as `^#` stays.
        if let comment = text.firstRange(of: " #") { return String(text[..<comment.lowerBound].trimmingSpaces()) }
        return String(text)
    }

    private static func unquote(_ key: Substring) -> String? {
        guard key.count >= 2, let first = key.first, first == key.last, first == "\"" || first == "'" else { return nil }
        return String(key.dropFirst().dropLast())
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var s = self
        while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" { s = s.dropLast() }
        return s
    }
}
