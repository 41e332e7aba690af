import Foundation

/// The one boot of each profile that all harness tests share: mkagent and the oracle in the same guest,
/// plus a fetch from an HTTP server on the host through the forward and one the restriction must stop.
struct ProfileBoot: Sendable {
    /// `lan print`, `mc info` and `fru` three times through TOOL (`mkagent ipmi` or `ipmitool`), output
    /// dropped: a command line to time.
    static func ipmiTrio(_ tool: String, lanPrint: String = "lan print") -> String {
        "for i in 1 2 3; do \(tool) \(lanPrint); \(tool) mc info; \(tool) fru; done >/dev/null 2>&1; true"
    }

    /// The commands the boot runs, in vm-run's order.
    enum Command: Int, CaseIterable {
        /// Three records in the BMC's SEL before anything reads it: a temperature threshold, a power unit
        /// and a deasserted chassis intrusion event (Add SEL Entry through ipmitool raw).
        case selPopulate
        /// Raw readings for the sensors numbered 1, 2 and 3 (Set Sensor Reading through ipmitool raw); the
        /// profiles' full SDR records convert them.
        case sensorReadings
        case facts, dmi, forwardedFetch, hostFetch, lscpu
        case ipmiMCInfo, ipmiFRU, ipmiChassisStatus, ipmiPowerStatus, ipmiSELInfo, ipmiBootdevPXE, ipmitoolBootdevPXE
        case ipmiSELList, ipmitoolSELList, ipmiSELListCSV, ipmitoolSELListCSV
        case ipmiSensor, ipmiSensors, ipmiSensorCSV, ipmiSensorsCSV, ipmitoolSensor
        /// Get Device GUID and Get Self Test Results through ipmitool raw: the bytes the facts must show.
        case ipmitoolDeviceGUID, ipmitoolSelfTest
        /// The same three queries through mkagent and through ipmitool, timed (GuestRun.seconds).
        case ipmiTrioMkagent, ipmiTrioIpmitool
        /// The hardware commands beside the tools they copy (HardwareHarnessTests); lshw's own output is the
        /// oracle's, `lshwTool` only times it.
        case lshw, lshwTool, lspci, lsscsi, lsscsiSize, lsscsiSizeTool, lsblk, lsblkTool

        func line(port: Int) -> String {
            switch self {
            case .selPopulate: [
                    "0x01 0x30 0x01 0x09", "0x09 0x01 0x6f 0x00", "0x05 0x02 0xef 0x00",
                ].map { "ipmitool raw 0x0a 0x44 0x00 0x00 0x02 0x00 0x00 0x00 0x00 0x20 0x00 0x04 \($0) 0xff 0xff" }
                .joined(separator: " && ")
            case .sensorReadings: ProfileBoot.sensorRawReadings.sorted { $0.key < $1.key }
                .map { "ipmitool raw 0x04 0x30 \($0.key) 0x01 \($0.value) 0 0 0 0 0 0 0" }
                .joined(separator: " && ")
            case .facts: "mkagent facts"
            case .dmi: "mkagent dmi"
            // The guest reaches the host's server only through the forward to 127.0.0.1 ...
            case .forwardedFetch: "timeout 30 wget -q -O - http://10.0.2.100:\(port)/token"
            // ... and not through the user network's gateway, which restrict=on cuts off.
            case .hostFetch: "timeout 10 wget -q -O - http://10.0.2.2:\(port)/token"
            case .lscpu: "mkagent lscpu -J"
            case .ipmiMCInfo: "mkagent ipmi mc info"
            case .ipmiFRU: "mkagent ipmi fru print 0"
            case .ipmiChassisStatus: "mkagent ipmi chassis status"
            case .ipmiPowerStatus: "mkagent ipmi chassis power status"
            case .ipmiSELInfo: "mkagent ipmi sel info"
            case .ipmiSELList: "mkagent ipmi sel list"
            case .ipmitoolSELList: "ipmitool sel list"
            case .ipmiSELListCSV: "mkagent ipmi -c sel list"
            case .ipmitoolSELListCSV: "ipmitool -c sel list"
            case .ipmiSensor: "mkagent ipmi sensor"
            case .ipmiSensors: "ipmi-sensors --output-sensor-state"
            case .ipmiSensorCSV: "mkagent ipmi -c sensor"
            case .ipmiSensorsCSV: "ipmi-sensors --output-sensor-state --comma-separated-output"
            case .ipmitoolSensor: "ipmitool sensor"
            case .ipmitoolDeviceGUID: "ipmitool raw 0x06 0x08"
            case .ipmitoolSelfTest: "ipmitool raw 0x06 0x04"
            case .ipmiBootdevPXE: "mkagent ipmi chassis bootdev pxe"
            case .ipmitoolBootdevPXE: "ipmitool chassis bootdev pxe"
            case .ipmiTrioMkagent: ProfileBoot.ipmiTrio("mkagent ipmi")
            case .ipmiTrioIpmitool: ProfileBoot.ipmiTrio("ipmitool")
            case .lshw: "mkagent lshw -json"
            case .lshwTool: "lshw -json >/dev/null"
            case .lspci: "mkagent lspci -nn -vmm"
            case .lsscsi: "mkagent lsscsi"
            case .lsscsiSize: "mkagent lsscsi --size"
            case .lsscsiSizeTool: "lsscsi --size"
            case .lsblk: HardwareHarnessTests.lsblkScript("mkagent lsblk")
            case .lsblkTool: HardwareHarnessTests.lsblkScript("lsblk")
            }
        }
    }

    /// The raw reading `sensorReadings` gives each sensor number.
    static let sensorRawReadings = [1: 45, 2: 154, 3: 96]

    let run: GuestRun
    /// What the host's server returned for /token.
    let token: String

    func output(_ command: Command) -> GuestRun.Output { run.command(command.rawValue) }

    /// The tool's and mkagent's output of RackHD catalog command INDEX (RackHDCatalogPair.all).
    func catalogOutputs(_ index: Int) -> (tool: GuestRun.Output, mkagent: GuestRun.Output) {
        RackHDCatalogPair.outputs(index, in: run, after: Command.allCases.count)
    }

    /// Boots PROFILE once per test run; later calls return the same boot (or the same failure).
    static func of(_ profile: String) throws -> ProfileBoot {
        try cache.boot(profile)
    }

    private static let cache = Cache()

    private final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var boots: [String: Result<ProfileBoot, Harness.Failure>] = [:]

        // Held through a boot, so that a second test of the profile waits for the first one's boot.
        func boot(_ profile: String) throws -> ProfileBoot {
            lock.lock()
            defer { lock.unlock() }
            if let boot = boots[profile] { return try boot.get() }
            let result = Result { try ProfileBoot.boot(profile) }.mapError { error in
                error as? Harness.Failure ?? Harness.Failure(description: "\(error)")
            }
            boots[profile] = result
            return try result.get()
        }
    }

    private static func boot(_ profile: String) throws -> ProfileBoot {
        let token = "mkagent-harness \(profile) \(UUID().uuidString)"
        let server = try HTTPFixtureServer(files: ["token": token])
        defer { server.stop() }
        let start = Date()
        let run = try Harness.run(
            profile: profile, commands: Command.allCases.map { $0.line(port: server.port) } + RackHDCatalogPair.guestLines,
            forwards: [server.port], results: Harness.resultsRoot.appendingPathComponent(profile))
        print("""
            harness: \(profile): booted in \(run.timing["boot_wall_seconds"] ?? "?") s wall \
            (\(run.timing["guest_ready_uptime"] ?? "?") s guest, \(run.timing["accel"] ?? "?")), \
            whole run \(Harness.seconds(since: start)) s; results in \(run.directory.path)
            """)
        return ProfileBoot(run: run, token: token)
    }
}
