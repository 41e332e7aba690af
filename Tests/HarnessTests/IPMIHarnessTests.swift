import Foundation
import Testing

/// The BMC behind KCS in every profile: `mkagent ipmi ...` and the `ipmi` facts against ipmitool in the same
/// guest, and both against the ids and FRU fields the profile gave QEMU's ipmi-bmc-sim.
@Suite(.serialized, .enabled(if: Harness.qemuAvailable, "qemu-system-x86_64 not installed"))
struct IPMIHarnessTests {
    /// `Label : value` lines of an ipmitool layout, by label.
    static func fields(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let colon = line.range(of: " : ") ?? line.range(of: ": ") else { continue }
            let key = line[..<colon.lowerBound].trimmingCharacters(in: .whitespaces)
            if !key.isEmpty { result[key] = String(line[colon.upperBound...]).trimmingCharacters(in: .whitespaces) }
        }
        return result
    }

    @Test(arguments: MachineProfile.names)
    func mkagentIPMI_printsWhatIpmitoolPrints(profile: String) throws {
        let boot = try ProfileBoot.of(profile)
        for (command, oracle) in [(ProfileBoot.Command.ipmiMCInfo, "ipmitool-mc-info"), (.ipmiFRU, "ipmitool-fru"),
                                  (.ipmiChassisStatus, "ipmitool-chassis-status"), (.ipmiPowerStatus, "ipmitool-chassis-power"),
                                  (.ipmiSELInfo, "ipmitool-sel-info")] {
            let mine = boot.output(command)
            let theirs = boot.run.oracle(oracle)
            #expect(theirs.status == 0 && !theirs.stdout.isEmpty, "\(oracle): \(theirs.stderr)")
            #expect(mine.status == 0, "\(command): \(mine.stderr)")
            #expect(mine.stdout == theirs.stdout, "\(command) vs \(oracle)")
        }
    }

    @Test(arguments: MachineProfile.names)
    func selList_printsWhatIpmitoolPrints_forTheRecordsAdded(profile: String) throws {
        let boot = try ProfileBoot.of(profile)
        #expect(boot.output(.selPopulate).status == 0, "\(boot.output(.selPopulate).stderr)")
        for (mine, theirs) in [(ProfileBoot.Command.ipmiSELList, ProfileBoot.Command.ipmitoolSELList),
                               (.ipmiSELListCSV, .ipmitoolSELListCSV)] {
            let expected = boot.output(theirs)
            #expect(expected.stdout.split(separator: "\n").count == 3, "\(theirs): \(expected.stdout) \(expected.stderr)")
            #expect(boot.output(mine).stdout == expected.stdout, "\(mine) vs \(theirs)")
        }
        let facts = try QEMUHarnessTests.json(boot.output(.facts).stdout)
        let entries = (facts["ipmi"] as? [String: Any])?["sel_entries"] as? [[String: Any]] ?? []
        #expect(entries.map { $0["sensor_type_name"] as? String } == ["Temperature", "Power Unit", "Physical Security"])
        #expect(entries.map { $0["description"] as? String } == ["Upper Critical going high", "Power off/down", "General Chassis intrusion"])
        #expect(entries.map { $0["deasserted"] as? Bool } == [false, false, true])
    }

    @Test(arguments: MachineProfile.names)
    func ipmiFacts_agreeWithIpmitool_andTheProfile(profile: String) throws {
        let boot = try ProfileBoot.of(profile)
        let machine = boot.run.profile
        let facts = try QEMUHarnessTests.json(boot.output(.facts).stdout)
        let ipmi = try #require(facts["ipmi"] as? [String: Any], "no ipmi section")
        #expect(ipmi["interface"] as? String == "/dev/ipmi0")
        let device = try #require(ipmi["device"] as? [String: Any], "no ipmi.device")
        let mc = Self.fields(boot.run.oracle("ipmitool-mc-info").stdout)
        #expect(device["device_id"] as? Int == Int(mc["Device ID"] ?? ""))
        #expect(device["device_revision"] as? Int == Int(mc["Device Revision"] ?? ""))
        #expect(device["firmware_revision"] as? String == mc["Firmware Revision"])
        #expect(device["ipmi_version"] as? String == mc["IPMI Version"])
        #expect(device["manufacturer_id"] as? Int == Int(mc["Manufacturer ID"] ?? ""))
        #expect(device["manufacturer_name"] as? String == mc["Manufacturer Name"])
        #expect((device["product_id"] as? Int).map { "\($0) " } == mc["Product ID"].map { String($0.prefix { $0 != "(" }) })
        #expect(device["device_available"] as? Bool == (mc["Device Available"] == "yes"))
        #expect(device["provides_device_sdrs"] as? Bool == (mc["Provides Device SDRs"] == "yes"))

        // The profile's ids, so that a BMC answering defaults would fail.
        #expect(device["manufacturer_id"] as? Int == machine.bmcManufacturerID)
        #expect(device["product_id"] as? Int == machine.device("ipmi-bmc-sim", "product_id").flatMap(MachineProfile.number))
        // QEMU 7.2's ipmi-bmc-sim accepts device_id= but answers 0x20 whatever it is given (ipmitool shows
        // the same), so the device id is only compared with ipmitool above.
        let fwrev1 = machine.device("ipmi-bmc-sim", "fwrev1").flatMap(MachineProfile.number) ?? 0
        let fwrev2 = machine.device("ipmi-bmc-sim", "fwrev2").flatMap(MachineProfile.number) ?? 0
        #expect(device["firmware_revision"] as? String == "\(fwrev1).\(String(format: "%02x", fwrev2))")

        // FRU 0: every field ipmitool printed, and every field the profile wrote.
        let frus = try #require(ipmi["fru"] as? [[String: Any]])
        let fru = try #require(frus.first, "no FRU 0")
        let chassis = fru["chassis"] as? [String: Any] ?? [:]
        let board = fru["board"] as? [String: Any] ?? [:]
        let product = fru["product"] as? [String: Any] ?? [:]
        let printed = Self.fields(boot.run.oracle("ipmitool-fru").stdout)
        let mine: [String: Any?] = [
            "Chassis Type": chassis["type_name"], "Chassis Part Number": chassis["part_number"],
            "Chassis Serial": chassis["serial_number"], "Board Mfg": board["manufacturer"],
            "Board Product": board["product_name"], "Board Serial": board["serial_number"],
            "Board Part Number": board["part_number"], "Product Manufacturer": product["manufacturer"],
            "Product Name": product["name"], "Product Part Number": product["part_number"],
            "Product Version": product["version"], "Product Serial": product["serial_number"],
            "Product Asset Tag": product["asset_tag"],
        ]
        for (label, value) in printed where label != "Board Mfg Date" {
            #expect(mine[label] as? String == value, "FRU \(label)")
        }
        let keys = ["board_manufacturer": board["manufacturer"], "board_product": board["product_name"],
                    "board_serial": board["serial_number"], "board_part": board["part_number"],
                    "product_manufacturer": product["manufacturer"], "product_name": product["name"],
                    "product_part": product["part_number"], "product_version": product["version"],
                    "product_serial": product["serial_number"], "product_asset": product["asset_tag"],
                    "chassis_part": chassis["part_number"], "chassis_serial": chassis["serial_number"]]
        for (key, given) in machine.fru where key != "chassis_type" {
            #expect(keys[key] as? String == given, "FRU \(key) from the profile")
        }
        #expect(chassis["type"] as? Int == Int(machine.fru["chassis_type"] ?? ""))

        let status = Self.fields(boot.run.oracle("ipmitool-chassis-status").stdout)
        let mineStatus = try #require(ipmi["chassis"] as? [String: Any])
        #expect((mineStatus["power_on"] as? Bool == true) == (status["System Power"] == "on"))
        #expect(mineStatus["power_restore_policy"] as? String == status["Power Restore Policy"])

        let sel = Self.fields(boot.run.oracle("ipmitool-sel-info").stdout)
        let mineSEL = try #require(ipmi["sel"] as? [String: Any])
        #expect(mineSEL["entries"] as? Int == Int(sel["Entries"] ?? ""))
        #expect((mineSEL["free_space_bytes"] as? Int).map { "\($0) bytes" } == sel["Free Space"])
        #expect(mineSEL["version"] as? String == sel["Version"].map { String($0.prefix { $0 != " " }) })

        // Device GUID and self test: what ipmitool raw got from the same BMC, or absent where it failed.
        var refused = ["Get Channel Info"]
        let guid = boot.output(.ipmitoolDeviceGUID)
        if guid.status == 0 {
            let bytes = guid.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined()
            let groups = [8, 4, 4, 4, 12].reduce(into: (parts: [String](), rest: Substring(bytes))) { state, length in
                state.parts.append(String(state.rest.prefix(length)))
                state.rest = state.rest.dropFirst(length)
            }.parts
            #expect(ipmi["device_guid"] as? String == groups.joined(separator: "-"))
            if let given = machine.device("ipmi-bmc-sim", "guid") {
                #expect(ipmi["device_guid"] as? String == given.lowercased(), "the profile's guid=")
            }
        } else {
            #expect(ipmi["device_guid"] == nil)
            refused.append("Get Device GUID")
        }
        let selfTest = boot.output(.ipmitoolSelfTest)
        if selfTest.status == 0 {
            let bytes = selfTest.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Int($0, radix: 16) }
            let mine = ipmi["self_test"] as? [String: Any]
            #expect([mine?["code"] as? Int, mine?["detail"] as? Int] == bytes.prefix(2).map { $0 })
        } else {
            // QEMU's BMC has no Get Self Test Results: the diagnostic names the completion code ipmitool got.
            #expect(ipmi["self_test"] == nil)
            let code = selfTest.stderr.components(separatedBy: "rsp=").dropFirst().first?.prefix(4)
            let diagnostic = (facts["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["error"] as? String }
                .first { $0.hasPrefix("Get Self Test Results") }
            #expect(code != nil && diagnostic?.contains("(\(code ?? ""))") == true, "\(String(describing: diagnostic)) vs \(selfTest.stderr)")
            refused.append("Get Self Test Results")
        }

        // Only the commands the BMC lacks may complain: QEMU's has no Get Channel Info (nor self test).
        let diagnostics = facts["diagnostics"] as? [[String: Any]] ?? []
        for diagnostic in diagnostics where diagnostic["collector"] as? String == "ipmi" {
            let error = diagnostic["error"] as? String ?? ""
            #expect(refused.contains { error.hasPrefix($0) }, "\(diagnostic)")
        }
    }

    @Test(arguments: MachineProfile.names)
    func sensors_printWhatIpmiSensorsPrints_andTheFactsAgreeWithTheProfile(profile: String) throws {
        let boot = try ProfileBoot.of(profile)
        let records = boot.run.profile.sdrRecords
        try #require(!records.isEmpty, "the profile has no @sdr line")
        #expect(boot.output(.sensorReadings).status == 0, "\(boot.output(.sensorReadings).stderr)")
        let facts = try QEMUHarnessTests.json(boot.output(.facts).stdout)
        let sensors = try #require((facts["ipmi"] as? [String: Any])?["sensors"] as? [[String: Any]], "no ipmi.sensors")
        // The one difference README documents: a threshold-based sensor without a value (a compact record)
        // that libipmimonitoring did not judge shows N/A for state and event where ipmi-sensors judges it.
        let unjudged = Set(sensors.filter {
            $0["event_reading_type_code"] as? Int == 1 && $0["value"] == nil && $0["state"] == nil
        }.compactMap { $0["record_id"] as? Int })
        for (mine, theirs, separator) in [(ProfileBoot.Command.ipmiSensorCSV, ProfileBoot.Command.ipmiSensorsCSV, ","),
                                          (.ipmiSensor, .ipmiSensors, "|")] {
            let expected = boot.output(theirs)
            #expect(expected.status == 0 && expected.stdout.split(separator: "\n").count == records.count + 1,
                    "\(theirs): \(expected.stdout) \(expected.stderr)")
            #expect(boot.output(mine).status == 0, "\(mine): \(boot.output(mine).stderr)")
            let mineLines = boot.output(mine).stdout.split(separator: "\n", omittingEmptySubsequences: false)
            let theirLines = expected.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(mineLines.count == theirLines.count, "\(mine) vs \(theirs)")
            for (index, (line, their)) in zip(mineLines, theirLines).enumerated() where line != their {
                var fields = their.split(separator: Character(separator), omittingEmptySubsequences: false).map(String.init)
                let id = Int(fields[0].trimmingCharacters(in: .whitespaces)) ?? -1
                if fields.count == 7 && unjudged.contains(id) && fields[4].trimmingCharacters(in: .whitespaces) == "N/A" {
                    fields[3] = separator == "," ? "N/A" : " " + "N/A".padding(toLength: 8, withPad: " ", startingAt: 0) + " "
                    fields[6] = separator == "," ? "N/A" : " N/A"
                    #expect(line == fields.joined(separator: separator), "\(mine) line \(index) vs \(theirs)")
                } else {
                    Issue.record("\(mine) line \(index): \(line) vs \(theirs): \(their)")
                }
            }
        }
        print("harness: \(profile): sensors: \(sensors.count) rows, \(unjudged.count) compact threshold rows the library leaves unjudged")

        // The facts, field by field against ipmi-sensors' comma-separated rows.
        let rows = boot.output(.ipmiSensorsCSV).stdout.split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(sensors.count == rows.count)
        for (sensor, row) in zip(sensors, rows) where row.count == 7 {
            #expect((sensor["record_id"] as? Int).map(String.init) == row[0])
            #expect(sensor["name"] as? String == row[1])
            #expect(sensor["type"] as? String == row[2])
            let unjudgedRow = unjudged.contains(sensor["record_id"] as? Int ?? -1)
            #expect(sensor["state"] as? String ?? (unjudgedRow ? row[3] : "N/A") == row[3], "state of \(row[1])")
            #expect((sensor["value"] as? Double).map { String(format: "%.2f", $0) } ?? "N/A" == row[4], "value of \(row[1])")
        }

        // Each full record's value is the profile's M × raw × 10^Rexp in its unit, and ipmitool (another SDR
        // reader) shows the same.
        let unitNames = ["1": "C", "2": "F", "4": "V", "5": "A", "6": "W", "18": "RPM"]
        let ipmitool = Dictionary(boot.output(.ipmitoolSensor).stdout.split(separator: "\n").map { line in
            let fields = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            return (fields.first ?? "", fields.count > 1 ? fields[1] : "")
        }) { first, _ in first }
        for record in records where record.first == "full" && record.count == 7 {
            let raw = try #require(ProfileBoot.sensorRawReadings[MachineProfile.number(record[1]) ?? -1])
            let expected = Double(record[4])! * Double(raw) * pow(10, Double(record[5])!)
            let sensor = try #require(sensors.first { $0["name"] as? String == record[6] }, "no sensor \(record[6])")
            let value = try #require(sensor["value"] as? Double, "\(record[6]) has no value")
            #expect(abs(value - expected) < 1e-9, "\(record[6]): \(value) vs \(expected)")
            #expect(sensor["units"] as? String == unitNames[record[3]], "units of \(record[6])")
            #expect(ipmitool[record[6]] == String(format: "%.3f", expected), "ipmitool sensor \(record[6])")
        }
    }

    @Test(arguments: MachineProfile.names)
    func bootdevPXE_refusedAsIpmitoolReportsIt_onABMCWithoutBootOptions(profile: String) throws {
        let boot = try ProfileBoot.of(profile)
        let ipmitool = boot.output(.ipmitoolBootdevPXE)
        let mine = boot.output(.ipmiBootdevPXE)
        // QEMU's ipmi-bmc-sim has no Set System Boot Options: ipmitool names both refusals and exits 0.
        #expect(ipmitool.stderr.contains("Invalid command"), "\(ipmitool.stderr)")
        #expect(mine.status == ipmitool.status && mine.stdout == ipmitool.stdout && mine.stderr == ipmitool.stderr,
                "mkagent \(mine.status) \(mine.stderr) vs ipmitool \(ipmitool.status) \(ipmitool.stderr)")
    }

    @Test(arguments: MachineProfile.names)
    func speed_lanPrintMCInfoFRU_mkagentVersusIpmitool(profile: String) throws {
        let boot = try ProfileBoot.of(profile)
        let mkagent = try #require(boot.run.seconds(ProfileBoot.Command.ipmiTrioMkagent.rawValue))
        let ipmitool = try #require(boot.run.seconds(ProfileBoot.Command.ipmiTrioIpmitool.rawValue))
        print("harness: \(profile): ipmi lan print + mc info + fru, 3 rounds: mkagent \(mkagent) s, ipmitool \(ipmitool) s, ratio \(String(format: "%.2f", ipmitool > 0 ? mkagent / ipmitool : 0))")
        #expect(mkagent > 0 && ipmitool > 0)
    }
}
