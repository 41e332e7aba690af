import Foundation
import TestSupport

/// A "switch" and a "node" network namespace joined by veth pairs, with a real lldpd as the switch.
///
/// What runs reliably in a namespace (lldpd 1.0.16, Debian bookworm): `ip netns exec NS lldpd -d -u SOCK -O CONF -I PATTERN`.
/// `-d` keeps it in the foreground so the test owns its process; `-u` gives each instance its own control
/// socket (lldpcli must be pointed at it with the same `-u`); `-O` replaces /etc/lldpd.conf and /etc/lldpd.d
/// with the test's commands; `-I` limits it to the veth ends. lldpd's privilege separation chroots its
/// unprivileged half into /run/lldpd, which must exist (systemd creates it for the service, so a bare
/// machine may not have it). The namespaces share the file system, so sockets and configs live in a
/// per-run temporary directory and the namespace names carry the test's PID.
final class LLDPPeer {
    static let ip = ["/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let lldpd = ["/usr/sbin/lldpd", "/usr/bin/lldpd"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let lldpcli = ["/usr/sbin/lldpcli", "/usr/bin/lldpcli"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Why the namespace tests cannot run here, or nil when they can.
    static let unavailable: String? = {
        if getuid() != 0 { return "network namespaces need root" }
        if ip == nil { return "ip (iproute2) is not installed" }
        if lldpd == nil || lldpcli == nil { return "lldpd is not installed (apt-get install lldpd)" }
        return nil
    }()

    static let systemName = "test-switch"
    static let systemDescription = "Test Switch OS 1.2"
    static let managementAddress = "192.0.2.1"
    static let portDescriptions = ["uplink port zero", "uplink port one", "uplink port two"]
    static let vlanID = 42
    static let vlanName = "storage"

    let switchNS: String
    /// The node's namespace (not created when the node ends are in the test's own namespace).
    let nodeNS: String
    private let nodeInOwnNamespace: Bool
    /// The node ends of the pairs, in order: ethN in the node namespace, or names unique to this run in the
    /// test's own namespace.
    let nodeInterfaces: [String]
    let directory: String
    private var daemons: [Process] = []
    private static let counter = Counter()

    /// Creates the namespaces and `pairs` veth pairs swN <-> ethN (node ends listed in `downOnNode` stay down).
    /// With `nodeInOwnNamespace` the node ends stay in the test's namespace, for a node process that must
    /// also reach a server on 127.0.0.1.
    init(pairs: Int, downOnNode: Set<Int> = [], nodeInOwnNamespace: Bool = false) throws {
        let tag = "\(getpid())x\(Self.counter.next())"
        switchNS = "mksw\(tag)"
        nodeNS = "mknd\(tag)"
        self.nodeInOwnNamespace = nodeInOwnNamespace
        nodeInterfaces = (0..<pairs).map { nodeInOwnNamespace ? "mk\(tag)n\($0)" : "eth\($0)" }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mkagent-lldp-\(tag)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: "/run/lldpd", withIntermediateDirectories: true)
        do {
            try Self.ip(["netns", "add", switchNS])
            if !nodeInOwnNamespace { try Self.ip(["netns", "add", nodeNS]) }
            try Self.ip(["-n", switchNS, "link", "set", "lo", "up"])
            for (i, name) in nodeInterfaces.enumerated() {
                try Self.ip(["link", "add", "sw\(i)", "netns", switchNS, "type", "veth", "peer", "name", name]
                            + (nodeInOwnNamespace ? [] : ["netns", nodeNS]))
                try Self.ip(["-n", switchNS, "link", "set", "sw\(i)", "up"])
                if !downOnNode.contains(i) { try Self.ip((nodeInOwnNamespace ? [] : ["-n", nodeNS]) + ["link", "set", name, "up"]) }
            }
            try Self.ip(["-n", switchNS, "addr", "add", "\(Self.managementAddress)/24", "dev", "sw0"])
        } catch {
            tearDown()
            throw error
        }
    }

    deinit { tearDown() }

    /// Held while a test's veth ends exist in this machine's own network namespace (`nodeInOwnNamespace`),
    /// and by the tests that compare two readings of this machine's interfaces (mkagent's and ohai's or
    /// facter's), which an interface coming or going between the readings would set apart.
    static let hostInterfaces = NSLock()

    /// Starts the switch's lldpd: known name, description, management address, port descriptions, a 1 s
    /// transmit interval, and on sw0 the 802.1 port VLAN ID and VLAN name TLVs (as custom TLVs: this kernel
    /// may lack 802.1Q devices, and lldpd advertises what it is told).
    func startSwitch(pairs: Int) throws {
        var config = """
            configure system hostname \(Self.systemName)
            configure system description "\(Self.systemDescription)"
            configure system ip management pattern \(Self.managementAddress)
            configure lldp tx-interval 1

            """
        for i in 0..<pairs { config += "configure ports sw\(i) lldp portdescription \"\(Self.portDescriptions[i])\"\n" }
        let name = Array(Self.vlanName.utf8).map { String(format: "%02x", $0) }.joined(separator: ",")
        config += "configure ports sw0 lldp custom-tlv oui 00,80,c2 subtype 1 oui-info 00,\(String(format: "%02x", Self.vlanID))\n"
        config += "configure ports sw0 lldp custom-tlv add oui 00,80,c2 subtype 3 oui-info 00,\(String(format: "%02x", Self.vlanID)),\(String(format: "%02x", Self.vlanName.utf8.count)),\(name)\n"
        try startDaemon(namespace: switchNS, name: "switch", arguments: ["-I", "sw*"], config: config)
    }

    /// Starts a receive-only lldpd on the node, the oracle mkagent is compared with.
    func startNodeOracle() throws {
        try startDaemon(namespace: nodeNS, name: "node", arguments: ["-r", "-I", "eth*"], config: "")
    }

    var nodeSocket: String { directory + "/node.sock" }

    private func startDaemon(namespace: String, name: String, arguments: [String], config: String) throws {
        let configPath = directory + "/\(name).conf"
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.ip!)
        process.arguments = ["netns", "exec", namespace, Self.lldpd!, "-d", "-u", directory + "/\(name).sock", "-O", configPath] + arguments
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        daemons.append(process)
    }

    /// `lldpcli -u NODE.sock ARGS` output.
    func lldpcli(_ arguments: [String]) throws -> String {
        try Self.run([Self.lldpcli!, "-u", nodeSocket] + arguments).stdout
    }

    /// Waits until the node's lldpd knows a neighbour on each of `interfaces`.
    func waitForOracle(_ interfaces: [String], timeout: Double = 20) throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let text = (try? lldpcli(["-f", "keyvalue", "show", "neighbors"])) ?? ""
            if interfaces.allSatisfy({ text.contains("lldp.\($0).chassis.name=") }) { return true }
            Thread.sleep(forTimeInterval: 0.3)
        }
        return false
    }

    func tearDown() {
        for process in daemons where process.isRunning {
            // SIGKILL, not SIGTERM: lldpd's monitor keeps the signal mask it inherits from the test runner,
            // which blocks SIGTERM, so a polite stop never arrives. Its chrooted child exits when the monitor goes.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        daemons = []
        _ = try? Self.ip(["netns", "del", switchNS], check: false)
        // In the own-namespace case, deleting the switch namespace took the pairs with it.
        if !nodeInOwnNamespace { _ = try? Self.ip(["netns", "del", nodeNS], check: false) }
        try? FileManager.default.removeItem(atPath: directory)
    }

    struct CommandFailed: Error, CustomStringConvertible {
        var description: String
    }

    @discardableResult
    static func ip(_ arguments: [String], check: Bool = true) throws -> String {
        let result = try run([ip!] + arguments)
        if check && result.status != 0 { throw CommandFailed(description: "ip \(arguments.joined(separator: " ")): \(result.stderr)") }
        return result.stdout
    }

    static func run(_ command: [String]) throws -> CapturedRun {
        try CapturedRun.run(command[0], Array(command.dropFirst()))
    }

    final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
