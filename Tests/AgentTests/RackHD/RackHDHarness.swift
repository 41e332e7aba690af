import Foundation

/// One test's RackHD server, fixture host (with a real server's SMBIOS tables), spool and runner process.
final class RackHDHarness {
    static let mac = "52:54:00:ab:cd:ef"
    static let dmiDump = FactsCommandTests.fixture("dmi/derived/go-smbios-Dell-PowerEdge-R630-Dual-Xeon.bin")

    let server: RackHDTestServer
    let host: FixtureHost
    let scratch: ScratchDirectory
    var agent: RackHDRunningAgent?
    var runs = 0

    var spool: String { scratch.path + "/spool" }
    var workDirectory: String { spool + "/work" }

    init(jobs: [[String: Any]]) throws {
        server = try RackHDTestServer(mac: Self.mac, jobs: jobs)
        host = try FixtureHost(mac: Self.mac)
        scratch = try ScratchDirectory()
        for (file, value) in ["ostype": "Linux", "osrelease": "6.1.0-27-amd64", "version": "#1 SMP PREEMPT_DYNAMIC Debian 6.1.115-1 (2024-11-01)", "arch": "x86_64"] {
            try host.write("proc/sys/kernel/" + file, value + "\n")
        }
        let dump = try Data(contentsOf: URL(fileURLWithPath: Self.dmiDump))
        try FileManager.default.createDirectory(atPath: host.path + "/sys/firmware/dmi/tables", withIntermediateDirectories: true)
        try dump.prefix(Int(dump[6])).write(to: URL(fileURLWithPath: host.path + "/sys/firmware/dmi/tables/smbios_entry_point"))
        try dump.dropFirst(0x20).write(to: URL(fileURLWithPath: host.path + "/sys/firmware/dmi/tables/DMI"))
    }

    /// `mkagent run --rackhd` against the test server on the fixture host, with sub-second polling.
    @discardableResult
    func startAgent(extra: [String] = [], native: String = "always", environment: [String: String] = [:], wrapper: [String] = []) throws -> RackHDRunningAgent {
        runs += 1
        let arguments = [
            "--rackhd", "--server", server.baseURL, "--mac", Self.mac, "--root", host.path,
            "--spool-dir", spool, "--native-catalogs", native, "--poll-interval", "0.1", "--lldp-window", "1",
            "--retry-min", "0.05", "--retry-max", "0.2", "--request-timeout", "1", "--on-exit", "exit",
        ] + extra
        let started = try RackHDRunningAgent(RunningAgent(arguments, environment: environment, logPath: scratch.path + "/agent-\(runs).log", wrapper: wrapper))
        agent = started
        return started
    }
}

/// The runner's process, waited for: it ends by itself after the batch that says exit.
struct RackHDRunningAgent {
    let running: RunningAgent

    init(_ running: RunningAgent) { self.running = running }

    var log: String { running.log }

    /// The exit status, or nil when it is still running after `timeout` seconds.
    func waitForExit(timeout: Double) -> Int32? {
        guard eventually(timeout: timeout, { !running.process.isRunning }) else { return nil }
        return running.process.terminationStatus
    }
}

/// RackHD's discovery graph as the server hands it to the microkernel (on-tasks' task definitions, in
/// Graph.Discovery's order): bootstrap, dmi, ohai, bmc, lsall, lldp, set-boot-pxe, shell-reboot.
enum DiscoveryGraph {
    static var bmcCommands: [[String: Any]] {
        var commands: [[String: Any]] = [
            ["cmd": "sudo ipmitool lan print", "acceptedResponseCodes": [1]],
            ["cmd": "sudo ipmitool sel"], ["cmd": "sudo ipmitool sel list -c"], ["cmd": "sudo ipmitool mc info"],
            ["cmd": "sudo ipmitool user summary 1", "acceptedResponseCodes": [1]],
            ["cmd": "sudo ipmitool -c user list 1", "acceptedResponseCodes": [1]],
            ["cmd": "sudo ipmitool fru"],
        ]
        for channel in 2...15 {
            for command in ["sudo ipmitool lan print \(channel)", "sudo ipmitool user summary \(channel)", "sudo ipmitool -c user list \(channel)"] {
                commands.append(["cmd": command, "acceptedResponseCodes": [1]])
            }
        }
        return commands
    }

    static var jobs: [[String: Any]] { [
        ["tasks": [["cmd": ""]]],
        ["tasks": [["cmd": "sudo dmidecode"]]],
        ["tasks": [["cmd": "sudo ohai --directory /etc/ohai/plugins"]]],
        ["tasks": bmcCommands],
        ["tasks": [["cmd": "sudo lspci -nn -vmm"], ["cmd": "sudo lshw -json"], ["cmd": "sudo lsblk -o KNAME,TYPE,ROTA; echo BREAK; sudo lsscsi --size"]]],
        ["tasks": [["cmd": "sudo /usr/sbin/lldpcli show neighbor -f keyvalue"]]],
        ["tasks": [["cmd": "sudo ipmitool chassis bootdev pxe"]]],
        ["tasks": [["cmd": ""]], "exit": "1"],
    ] }
}
