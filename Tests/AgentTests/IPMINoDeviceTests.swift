import Foundation
import Testing

/// `mkagent ipmi WORDS` stands in for `ipmitool WORDS` in RackHD's catalog tasks, so where no BMC can be used it
/// must fail as ipmitool does: the same standard error, byte for byte, and the same exit code. ipmitool only
/// looks in /dev, so it runs in a private mount namespace with the fixture's dev tree mounted over /dev, while
/// mkagent reads the same tree through --dev-root; both run as `nobody` when the fixture relies on mode bits.
@Suite(.enabled(if: IPMIToolInNamespace.unavailable == nil, Comment(rawValue: IPMIToolInNamespace.unavailable ?? "")))
struct IPMINoDeviceTests {
    /// RackHD's catalog commands, the boot device command, and a few more that share the open path (sensor
    /// too: its readings come from libipmimonitoring, but the device is opened first, as ipmitool opens it).
    static let commands: [[String]] = [
        ["lan", "print"], ["lan", "print", "1"], ["mc", "info"], ["fru"], ["sel"], ["sel", "list", "-c"],
        ["user", "summary", "1"], ["-c", "user", "list", "1"], ["chassis", "status"], ["chassis", "bootdev", "pxe"],
        ["sensor"],
    ]

    /// Dev trees without a usable IPMI device.
    enum DevTree: String, CaseIterable, Sendable {
        /// No node at all: a machine without a BMC, or without ipmi_si/ipmi_devintf loaded.
        case empty
        /// `ipmi0` exists but cannot be opened (mode 000, as nobody): ipmitool still reports the last attempt.
        case unreadableIPMI0
        /// Only `ipmidev/0`, unreadable: the last attempt fails with "Permission denied".
        case unreadableIPMIDev
        /// `ipmi0` is a directory.
        case directory
        /// `ipmi0` opens but is not an IPMI device (a regular file): the event receiver ioctl fails.
        case notIPMI

        var runsAsNobody: Bool { self == .unreadableIPMI0 || self == .unreadableIPMIDev }

        func build(in dev: String) throws {
            let files = FileManager.default
            switch self {
            case .empty: break
            case .unreadableIPMI0: try Self.file(dev + "/ipmi0", mode: 0o000)
            case .unreadableIPMIDev:
                try files.createDirectory(atPath: dev + "/ipmidev", withIntermediateDirectories: true)
                try Self.file(dev + "/ipmidev/0", mode: 0o000)
            case .directory: try files.createDirectory(atPath: dev + "/ipmi0", withIntermediateDirectories: true)
            case .notIPMI: try Self.file(dev + "/ipmi0", mode: 0o666)
            }
        }

        private static func file(_ path: String, mode: mode_t) throws {
            guard FileManager.default.createFile(atPath: path, contents: Data()) else { throw CocoaError(.fileWriteUnknown) }
            chmod(path, mode)
        }
    }

    @Test(arguments: DevTree.allCases)
    func noUsableDevice_failsWithIPMIToolsMessageAndExitCode(tree: DevTree) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mkagent-ipmi-\(UUID().uuidString)").path
        let dev = root + "/dev"
        try FileManager.default.createDirectory(atPath: dev, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        chmod(root, 0o755)
        chmod(dev, 0o755)
        try tree.build(in: dev)
        let nobody = tree.runsAsNobody ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        for words in Self.commands {
            let expected = try IPMIToolInNamespace.run(words, dev: dev, wrapper: nobody)
            let started = Date()
            let actual = try MkAgentProcess.run(["ipmi", "--dev-root", dev] + words, wrapper: nobody)
            let label = "\(tree) \(words.joined(separator: " "))"
            #expect(!expected.stderr.isEmpty && expected.status != 0, "ipmitool succeeded (\(label)); the fixture is not what the test means")
            #expect(actual.stderr == expected.stderr, "stderr (\(label))")
            #expect(actual.status == expected.status, "exit code (\(label))")
            #expect(actual.stdout == expected.stdout, "stdout (\(label))")
            #expect(Date().timeIntervalSince(started) < 5, "no BMC must fail at once (\(label))")
        }
    }
}

/// The real ipmitool with a chosen tree as its /dev: `unshare -m` (root only) and a bind mount.
enum IPMIToolInNamespace {
    static let ipmitool = ExternalCommand.find("ipmitool")
    static let unshare = ExternalCommand.find("unshare")

    /// Why the oracle cannot run here, nil when it can.
    static let unavailable: String? = {
        guard ipmitool != nil else { return "ipmitool is not installed (apt-get install ipmitool)" }
        guard let unshare else { return "unshare is not installed (apt-get install util-linux)" }
        guard getuid() == 0 else { return "a private mount namespace for ipmitool's /dev needs root" }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return "setpriv is not installed (util-linux)" }
        guard let probe = try? MkAgentProcess.execute([unshare, "-m", "--", "/bin/true"]), probe.status == 0 else {
            return "unshare -m is not permitted here (no CAP_SYS_ADMIN)"
        }
        return nil
    }()

    static func run(_ words: [String], dev: String, wrapper: [String]) throws -> MkAgentProcess.Result {
        let script = "mount --bind \"$0\" /dev && exec \"$@\""
        return try MkAgentProcess.execute([unshare!, "-m", "--", "/bin/sh", "-c", script, dev] + wrapper + [ipmitool!] + words)
    }
}
