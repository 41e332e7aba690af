import Foundation

/// The one boot of Tests/Harness/bmc/openipmi-node that OpenIPMIHarnessTests share: a guest whose BMC is
/// OpenIPMI's ipmi_sim on the host, with mkagent and the tools it copies run side by side against it.
struct OpenIPMINode: Sendable {
    static let directory = Harness.projectRoot.appendingPathComponent("Tests/Harness/bmc")
    static let profile = directory.appendingPathComponent("openipmi-node").path
    static let simulatorAvailable = HostCommand.find("ipmi_sim") != nil

    /// The VLAN and cipher suite privileges the boot gives channel 1 before anything reads it: ipmi_sim keeps
    /// what Set LAN Configuration Parameters sets but has no configuration line for them.
    static let vlanID = 73
    static let vlanPriority = 5
    static let cipherPrivileges = "Xcuoaaaaoooouuu"

    /// The commands the boot runs, in vm-run's order.
    enum Command: Int, CaseIterable {
        case lanSetup
        case ipmitoolLanPrint, mkagentLanPrint
        case ipmitoolUserSummary, mkagentUserSummary
        case ipmitoolUserList, mkagentUserList
        case ipmitoolUserListCSV, mkagentUserListCSV
        case ipmitoolMCInfo, mkagentMCInfo
        case ipmitoolFRU, mkagentFRU
        case ipmiSensors, mkagentSensor
        case ipmiSensorsCSV, mkagentSensorCSV
        case ipmitoolChannelInfo, ipmitoolDeviceGUID, ipmitoolSelfTest
        case facts
        /// `lan print 1`, `mc info` and `fru`, three rounds, through each (GuestRun.seconds).
        case trioMkagent, trioIpmitool

        var line: String {
            switch self {
            case .lanSetup: ["vlan id \(OpenIPMINode.vlanID)", "vlan priority \(OpenIPMINode.vlanPriority)",
                             "cipher_privs \(OpenIPMINode.cipherPrivileges)"].map { "ipmitool lan set 1 \($0)" }.joined(separator: " && ")
            case .ipmitoolLanPrint: "ipmitool lan print 1"
            case .mkagentLanPrint: "mkagent ipmi lan print 1"
            case .ipmitoolUserSummary: "ipmitool user summary 1"
            case .mkagentUserSummary: "mkagent ipmi user summary 1"
            case .ipmitoolUserList: "ipmitool user list 1"
            case .mkagentUserList: "mkagent ipmi user list 1"
            case .ipmitoolUserListCSV: "ipmitool -c user list 1"
            case .mkagentUserListCSV: "mkagent ipmi -c user list 1"
            case .ipmitoolMCInfo: "ipmitool mc info"
            case .mkagentMCInfo: "mkagent ipmi mc info"
            case .ipmitoolFRU: "ipmitool fru print 0"
            case .mkagentFRU: "mkagent ipmi fru print 0"
            case .ipmiSensors: "ipmi-sensors --output-sensor-state"
            case .mkagentSensor: "mkagent ipmi sensor"
            case .ipmiSensorsCSV: "ipmi-sensors --output-sensor-state --comma-separated-output"
            case .mkagentSensorCSV: "mkagent ipmi -c sensor"
            case .ipmitoolChannelInfo: "ipmitool channel info 1"
            case .ipmitoolDeviceGUID: "ipmitool raw 0x06 0x08"
            case .ipmitoolSelfTest: "ipmitool raw 0x06 0x04"
            case .facts: "mkagent facts"
            case .trioMkagent: ProfileBoot.ipmiTrio("mkagent ipmi", lanPrint: "lan print 1")
            case .trioIpmitool: ProfileBoot.ipmiTrio("ipmitool", lanPrint: "lan print 1")
            }
        }
    }

    /// The ipmitool (or ipmi-sensors) command and mkagent's, whose outputs must be the same bytes.
    static let pairs: [(tool: Command, mkagent: Command)] = [
        (.ipmitoolLanPrint, .mkagentLanPrint), (.ipmitoolUserSummary, .mkagentUserSummary),
        (.ipmitoolUserList, .mkagentUserList), (.ipmitoolUserListCSV, .mkagentUserListCSV),
        (.ipmitoolMCInfo, .mkagentMCInfo), (.ipmitoolFRU, .mkagentFRU),
        (.ipmiSensors, .mkagentSensor), (.ipmiSensorsCSV, .mkagentSensorCSV),
    ]

    let run: GuestRun

    func output(_ command: Command) -> GuestRun.Output { run.command(command.rawValue) }

    /// Boots the node once per test run; later calls return the same boot (or the same failure).
    static func boot() throws -> OpenIPMINode {
        try cache.get()
    }

    // A static let is initialized once, under a lock: the tests that ask at the same time wait for one boot.
    private static let cache: Result<OpenIPMINode, Harness.Failure> = Result {
        let start = Date()
        // The tools compared run as commands; the oracle and the snapshot would only lengthen the run.
        let run = try Harness.run(profile: profile, commands: Command.allCases.map(\.line), oracle: false,
                                  results: Harness.resultsRoot.appendingPathComponent("openipmi-node"))
        print("""
            harness: openipmi-node: booted in \(run.timing["boot_wall_seconds"] ?? "?") s wall \
            (\(run.timing["guest_ready_uptime"] ?? "?") s guest, \(run.timing["accel"] ?? "?")), \
            whole run \(Harness.seconds(since: start)) s; results in \(run.directory.path)
            """)
        return OpenIPMINode(run: run)
    }.mapError { error in error as? Harness.Failure ?? Harness.Failure(description: "\(error)") }
}
