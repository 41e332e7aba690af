import Foundation

/// `mkagent run` as a background process: standard error goes to a file the test reads while it runs.
final class RunningAgent {
    let process = Process()
    let logPath: String
    let startedAt: Date

    init(_ arguments: [String], environment: [String: String] = [:], logPath: String, wrapper: [String] = []) throws {
        self.logPath = logPath
        // Kept when it exists: a test may have named its inode (JOURNAL_STREAM).
        if !FileManager.default.fileExists(atPath: logPath) { _ = FileManager.default.createFile(atPath: logPath, contents: nil) }
        // MKAGENT_BINARY runs these tests against another build (the static release binary).
        let binary = ProcessInfo.processInfo.environment["MKAGENT_BINARY"] ?? MkAgentProcess.binary
        let command = wrapper + [binary, "run"] + arguments
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        var env = ProcessInfo.processInfo.environment.filter {
            !$0.key.hasPrefix("MKAGENT_") && $0.key != "NOTIFY_SOCKET" && $0.key != "JOURNAL_STREAM" && $0.key != "WATCHDOG_USEC"
        }
        env.merge(environment) { $1 }
        process.environment = env
        let log = FileHandle(forWritingAtPath: logPath)!
        process.standardError = log
        process.standardOutput = log
        startedAt = Date()
        try process.run()
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// SIGTERM, then the exit status (nil when it did not stop within `timeout`).
    @discardableResult
    func stop(timeout: Double = 5) -> Int32? {
        guard process.isRunning else { return process.terminationStatus }
        process.terminate()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }

    /// SIGKILL: the agent gets no chance to tidy up.
    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

/// Polls `condition` every 10 ms until it holds or `timeout` seconds pass.
@discardableResult
func eventually(timeout: Double = 10, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if condition() { return true }
        usleep(10_000)
    }
    return condition()
}

/// A host root with just what the Hanlon facts need: a kernel command line with smbios_uuid=, meminfo,
/// a hostname and one PCI Ethernet interface; `memTotalKiB` is the fact the tests change.
final class FixtureHost {
    let path: String

    init(uuid: String = "4231c3c1-0000-1111-2222-333344445555", mac: String = "52:54:00:AB:CD:EF", memTotalKiB: Int = 4_046_000) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("mkagent-hanlon-\(UUID().uuidString)").path
        try write("proc/cmdline", "console=ttyS0 smbios_uuid=\(uuid) quiet\n")
        try write("proc/sys/kernel/hostname", "mk525400abcdef\n")
        try setMemory(memTotalKiB)
        let device = "devices/pci0000:00/0000:00:03.0"
        for (file, text) in ["ifindex": "2", "type": "1", "mtu": "1500", "operstate": "up", "addr_assign_type": "0",
                             "address": mac.lowercased(), "carrier": "1"] {
            try write("sys/\(device)/net/eth0/\(file)", text + "\n")
        }
        try link("sys/\(device)/net/eth0/device", "../../../0000:00:03.0")
        try link("sys/\(device)/subsystem", "../../../bus/pci")
        try link("sys/class/net/eth0", "../../\(device)/net/eth0")
        try FileManager.default.createDirectory(atPath: path + "/dev", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: path + "/etc", withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func setMemory(_ kib: Int) throws {
        try write("proc/meminfo", "MemTotal:       \(kib) kB\nMemFree:         1000000 kB\nMemAvailable:    2000000 kB\n")
    }

    func write(_ relative: String, _ text: String) throws {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        // Replace, not rewrite in place: the agent may be reading it.
        try Data(text.utf8).write(to: URL(fileURLWithPath: full), options: .atomic)
    }

    func link(_ relative: String, _ target: String) throws {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: target)
    }
}

/// A scratch directory removed at the end of the test.
final class ScratchDirectory {
    let path: String
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("mkagent-run-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}
