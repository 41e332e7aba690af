import Logging
#if canImport(Glibc)
import Glibc
#endif

/// What `reboot` and `poweroff` from the server do.
enum NodeAction: Equatable, Sendable {
    /// Write the word into the host's command FIFO, as the Microkernel container did (the host's
    /// `listen-cmd-channel.sh` reads it and runs the command).
    case fifo(String)
    /// Run `PROGRAM reboot` / `PROGRAM poweroff`.
    case command(String)
    /// Act on this system: reboot(2) when PID 1, else `systemctl reboot|poweroff`.
    case system
    /// Only log.
    case dryRun

    static let hostChannel = "/tmp/cmd-channels/node-state-channel"

    /// `--action`: `auto` (default: the FIFO when it exists, else `system`), `fifo:PATH`, `command:PROGRAM`,
    /// `system`, `none`.
    static func parse(_ text: String, exists: (String) -> Bool) -> NodeAction? {
        switch text {
        case "auto": return exists(hostChannel) ? .fifo(hostChannel) : .system
        case "system": return .system
        case "none": return .dryRun
        default:
            if text.hasPrefix("fifo:") { return .fifo(String(text.dropFirst(5))) }
            if text.hasPrefix("command:") { return .command(String(text.dropFirst(8))) }
            return nil
        }
    }

    /// Returns whether the action was carried out.
    func perform(_ word: String, logger: Logger) -> Bool {
        precondition(word == "reboot" || word == "poweroff")
        switch self {
        case .dryRun:
            logger.notice("server asked for \(word); --dry-run-actions: not acting")
            return true
        case .fifo(let path):
            // Non-blocking: with no reader on the host side the write fails now and is retried at the next
            // checkin rather than hanging the agent.
            let fd = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
            guard fd >= 0 else {
                logger.error("server asked for \(word); cannot open \(path): \(String(cString: strerror(errno))); retried at the next checkin")
                return false
            }
            defer { close(fd) }
            let line = Array((word + "\n").utf8)
            let n = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard n == line.count else {
                logger.error("server asked for \(word); write to \(path) failed: \(String(cString: strerror(errno)))")
                return false
            }
            logger.notice("server asked for \(word); written to \(path)")
            return true
        case .command(let program):
            logger.notice("server asked for \(word); running \(program) \(word)")
            let status = Self.spawn([program, word])
            if status != 0 { logger.error("\(program) \(word) exited with status \(status)") }
            return status == 0
        case .system:
            logger.notice("server asked for \(word)")
            if getpid() == 1 {
                sync()
                return systemReboot(word == "reboot" ? Int32(bitPattern: 0x0123_4567) : Int32(bitPattern: 0x4321_FEDC)) == 0
            }
            return Self.spawn(["systemctl", word]) == 0
        }
    }

    /// posix_spawnp and wait; -1 when it could not be started.
    static func spawn(_ arguments: [String]) -> Int32 {
        ChildReaper.waiting {
            var pid: pid_t = 0
            let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            guard posix_spawnp(&pid, arguments[0], nil, nil, argv, environ) == 0 else { return -1 }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 {
                if errno != EINTR { return -1 }
            }
            let exited = status & 0x7f == 0
            return exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        }
    }
}

/// reboot(2) from glibc's <sys/reboot.h>, which the Glibc module does not export.
@_silgen_name("reboot")
private func systemReboot(_ howTo: Int32) -> Int32
