import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Log lines on standard error; with the syslog priority prefix (`<3>`) that journald reads when standard
/// error is the journal stream (`JOURNAL_STREAM` names its device and inode), plain timestamps otherwise.
struct AgentLogHandler: LogHandler {
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    let journal: Bool

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let level = event.level, message = event.message
        let text: String
        if journal {
            text = "<\(Self.priority(level))>\(message)\n"
        } else {
            var now = timespec()
            clock_gettime(CLOCK_REALTIME, &now)
            var parts = tm()
            var seconds = now.tv_sec
            gmtime_r(&seconds, &parts)
            func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
            let millis = Int(now.tv_nsec / 1_000_000)
            let ms = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
            let stamp = "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)).\(ms)Z"
            text = "\(stamp) mkagent \(level): \(message)\n"
        }
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: return 7
        case .info: return 6
        case .notice: return 5
        case .warning: return 4
        case .error: return 3
        case .critical: return 2
        }
    }

    /// True when standard error is the stream `JOURNAL_STREAM` (`device:inode`) describes.
    static func stderrIsJournal(_ environment: [String: String]) -> Bool {
        guard let value = environment["JOURNAL_STREAM"] else { return false }
        let parts = value.split(separator: ":")
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return false }
        var info = stat()
        guard fstat(2, &info) == 0 else { return false }
        return UInt64(info.st_dev) == device && UInt64(info.st_ino) == inode
    }

    /// The server's `Logger::ERROR` style (FATAL/ERROR/WARN/INFO/DEBUG; anything else INFO, as the old agent).
    static func level(_ text: String) -> Logger.Level {
        let name = text.hasPrefix("Logger::") ? String(text.dropFirst(8)) : text
        switch name.uppercased() {
        case "FATAL": return .critical
        case "ERROR": return .error
        case "WARN", "WARNING": return .warning
        case "INFO": return .info
        case "DEBUG": return .debug
        case "TRACE": return .trace
        default: return .info
        }
    }
}
