import Foundation
import Testing
@testable import Facts

/// The sensor pieces that run without a BMC; readings themselves are compared with ipmi-sensors and ipmitool
/// in the QEMU harness (IPMIHarnessTests).
@Suite struct IPMISensorTests {
    static let libraryLoadable: Bool = {
        guard let handle = dlopen(IPMISensorReader.library, RTLD_NOW) else { return false }
        dlclose(handle)
        return true
    }()

    @Test(.enabled(if: ExternalTool.path("ipmi-sensors") != nil, "ipmi-sensors is not installed (freeipmi-tools)"))
    func sensorTypeNames_areFreeIPMIs() throws {
        let listed = try ExternalTool.run("ipmi-sensors", ["--list-sensor-types"]).stdout
            .split(separator: "\n").map { $0.replacingOccurrences(of: "_", with: " ") }
        #expect(listed == IPMISensorTypes.names + ["OEM Reserved"])
        #expect(IPMISensorTypes.name(0xC5) == "OEM Reserved")
        #expect(IPMISensorTypes.name(0x00) == "Unrecognized")
        #expect(IPMISensorTypes.name(0x2D) == "Unrecognized")
    }

    @Test func absentLibrary_isAFailureNamingIt_notACrash() {
        let started = Date()
        let result = IPMISensorReader.read(devicePath: "/dev/ipmi0", timeoutSeconds: 5, library: "libipmimonitoring-absent.so.6")
        guard case .failure(.libraryUnavailable(let message)) = result else {
            Issue.record("expected libraryUnavailable, got \(result)")
            return
        }
        #expect(message.contains("libipmimonitoring-absent.so.6"))
        #expect(IPMISensorReader.Failure.libraryUnavailable(message).description.contains("libipmimonitoring6"))
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test(.enabled(if: libraryLoadable, "libipmimonitoring.so.6 is not installed (libipmimonitoring6)"))
    func realLibrary_withoutADevice_failsWithItsMessage_promptly() throws {
        let tree = try TemporaryTree()
        let started = Date()
        let result = IPMISensorReader.read(devicePath: tree.path + "/ipmi0", timeoutSeconds: 30)
        guard case .failure(.library(let message)) = result else {
            Issue.record("expected the library's failure, got \(result)")
            return
        }
        #expect(!message.isEmpty)
        #expect(Date().timeIntervalSince(started) < 30)
        // The SDR cache directory the read made is gone again.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())
            .filter { $0.hasPrefix("mkagent-sdr-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    static let sample = [
        IPMISensor(recordID: 3, number: 1, name: "CPU1 Temp", typeCode: 1, state: "Warning", eventReadingTypeCode: 1,
                   value: 86.125, units: "C", events: ["At or above (>=) upper non-critical threshold"]),
        IPMISensor(recordID: 12, number: 9, name: "Chassis Intrusion", typeCode: 5, state: "Nominal",
                   eventReadingTypeCode: 0x6F, value: nil, units: nil, events: []),
        IPMISensor(recordID: 140, number: 2, name: "Fan", typeCode: 4, state: nil, eventReadingTypeCode: 1,
                   value: nil, units: "RPM", events: []),
    ]

    @Test func table_keepsEveryColumnAligned() {
        let lines = IPMISensorsText.table(Self.sample).split(separator: "\n").map(String.init)
        #expect(lines.count == Self.sample.count + 1)
        let bars = lines.map { line in line.indices.filter { line[$0] == "|" }.map { line.distance(from: line.startIndex, to: $0) } }
        for row in bars.dropFirst() { #expect(row == bars[0], "\(lines)") }
        #expect(bars[0].count == 6)
    }

    @Test func csv_hasSevenFieldsPerRow_andTheSameValuesAsTheTable() {
        let csvRows = IPMISensorsText.csv(Self.sample).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let tableRows = IPMISensorsText.table(Self.sample).split(separator: "\n").map {
            $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        #expect(csvRows.count == tableRows.count)
        for (csv, table) in zip(csvRows, tableRows) {
            #expect(csv.map(String.init) == table)
        }
    }

    @Test func roundedToHundredths_neverTraps_onExtremeValues() {
        for value in [Double.infinity, -.infinity, 1e300, -1e300] {
            #expect(IPMISensorsText.roundedToHundredths(value) == value)
        }
        #expect(IPMISensorsText.roundedToHundredths(.nan).isNaN)
    }

    /// ipmi-sensors' short words for the library's long messages; messages alike in both stay as they are.
    @Test func eventNames_areIpmiSensorsShortOnes() {
        #expect(IPMISensorEventNames.short("Processor Automatically Throttled (processor throttling triggered by a hardware-based mechanism operating independent from system software, such as automatic thermal throttling or throttling to limit power consumption.)") == "Processor Automatically Throttled")
        #expect(IPMISensorEventNames.short("S0/G0 \"working\"") == "S0/G0")
        #expect(IPMISensorEventNames.short("Power Supply input lost (AC/DC)") == "Power Supply input lost (AC/DC)")
        #expect(IPMISensorEventNames.short("Presence detected") == "Presence detected")
    }
}
