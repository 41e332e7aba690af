/// A problem one collector met, reported beside the facts instead of failing the whole run.
///
/// The message says what happened, where, and what the collector did next, for example
/// `structure at offset 0x1f4 (type 17) runs past the table end (...); skipped, 41 structures decoded`.
public struct Diagnostic: Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable {
        /// The collector kept going and its section is complete apart from what the message names.
        case warning
        /// The collector could not produce (part of) its section.
        case error
    }

    public var collector: String
    public var path: String?
    public var error: String
    public var severity: Severity

    public init(collector: String, path: String? = nil, error: String, severity: Severity = .warning) {
        self.collector = collector
        self.path = path
        self.error = error
        self.severity = severity
    }

    public var description: String {
        let where_ = path.map { " (\($0))" } ?? ""
        return "\(collector)\(where_): \(error)"
    }
}
