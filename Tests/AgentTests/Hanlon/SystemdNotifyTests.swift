import Foundation
import TestSupport
import Testing

/// The agent under a service manager: READY=1 and STATUS= arrive on the NOTIFY_SOCKET datagram socket
/// through libsystemd's sd_notify, loaded at run time.
@Suite(.serialized) struct SystemdNotifyTests {
    static let libsystemdPresent = ["/usr/lib/x86_64-linux-gnu/libsystemd.so.0", "/usr/lib/aarch64-linux-gnu/libsystemd.so.0",
                                    "/lib/x86_64-linux-gnu/libsystemd.so.0", "/usr/lib64/libsystemd.so.0", "/usr/lib/libsystemd.so.0"]
        .contains { FileManager.default.fileExists(atPath: $0) }

    /// A unix datagram socket bound at `path`, as systemd's notification socket.
    final class NotifySocket {
        let fd: Int32
        let path: String
        init(path: String) throws {
            self.path = path
            fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { raw in
                let bytes = Array(path.utf8)
                raw.copyBytes(from: bytes.prefix(raw.count - 1))
            }
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            guard result == 0 else { throw POSIXError(.EADDRINUSE) }
            var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }
        deinit { close(fd); unlink(path) }

        func receive() -> String? {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let n = recv(fd, &buffer, buffer.count, 0)
            return n > 0 ? String(decoding: buffer[..<n], as: UTF8.self) : nil
        }
    }

    @Test(.enabled(if: libsystemdPresent, "libsystemd.so.0 is not installed: sd_notify cannot be loaded"))
    func ready_status_andWatchdog_reachTheNotifySocket() throws {
        let h = try HanlonHarness()
        let socket = try NotifySocket(path: h.scratch.path + "/notify.sock")
        try h.startAgent(environment: ["NOTIFY_SOCKET": socket.path, "WATCHDOG_USEC": "200000"])
        var messages: [String] = []
        #expect(eventually(timeout: 5) {
            if let m = socket.receive() { messages.append(m) }
            return messages.contains { $0.contains("READY=1") } && messages.contains("WATCHDOG=1")
                && messages.contains { $0.hasPrefix("STATUS=checkin acknowledge") }
        }, "\(messages)")
        let ready = try #require(messages.first { $0.contains("READY=1") })
        #expect(ready.contains("STATUS=checkin register"), "the first checkin's result: \(ready)")
        #expect(h.agent?.stop() == 0)
    }

    @Test func withoutNotifySocket_nothingIsLoaded_andTheAgentRuns() throws {
        let h = try HanlonHarness()
        try h.startAgent()
        #expect(eventually { h.server.registrations.count == 1 })
    }

    @Test func journalStream_onStandardError_givesSyslogPriorityPrefixes() throws {
        let h = try HanlonHarness()
        // The agent's standard error is this log file: name it as the journal stream would be named.
        let logPath = h.scratch.path + "/agent-1.log"
        #expect(FileManager.default.createFile(atPath: logPath, contents: nil))
        var info = stat()
        #expect(stat(logPath, &info) == 0)
        let agent = try h.startAgent(environment: ["JOURNAL_STREAM": "\(info.st_dev):\(info.st_ino)"])
        #expect(eventually { agent.log.contains("acknowledged") }, "\(agent.log)")
        #expect(agent.log.split(separator: "\n").allSatisfy { $0.hasPrefix("<") }, "\(agent.log)")
        #expect(agent.log.contains("<6>registration 1"))
    }
}

/// The unit files pass `systemd-analyze verify` (units/verify.sh supplies docker.service and the binaries).
@Suite struct UnitFileTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let analyzer = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].contains { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: analyzer, "systemd-analyze is not installed (Debian package systemd)"))
    func units_passSystemdAnalyzeVerify() throws {
        let run = try CapturedRun.run(Self.repository + "/units/verify.sh", [])
        let text = run.stdout + run.stderr
        #expect(run.status == 0, "\(text)")
        #expect(text == "units: systemd-analyze verify passed\n", "no warnings: \(text)")
    }
}
