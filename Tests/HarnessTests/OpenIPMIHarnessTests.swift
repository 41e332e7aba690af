import Foundation
import Testing

/// A BMC with what QEMU's ipmi-bmc-sim lacks: OpenIPMI's ipmi_sim (Tests/Harness/bmc) with a LAN channel,
/// users and sensors outside the nominal state, behind the guest's KCS interface. `mkagent ipmi ...` must print
/// what ipmitool and ipmi-sensors print in the same guest, and the `ipmi` facts must hold both what those tools
/// show and what the configuration files say (so a BMC answering defaults fails).
@Suite(.serialized, .enabled(if: Harness.qemuAvailable && OpenIPMINode.simulatorAvailable,
                             "needs qemu-system-x86_64 and ipmi_sim (apt-get install qemu-system-x86 openipmi)"))
struct OpenIPMIHarnessTests {
    /// The states FreeIPMI's default rules give the readings openipmi-node.emu sets: an upper non-critical
    /// threshold stays Nominal, critical thresholds and a failed power supply are Critical, a throttled
    /// processor is Warning.
    static let sensorStates = ["CPU0 Temp": "Nominal", "VRM1 Temp": "Nominal", "P12V Rail": "Critical",
                               "FAN2": "Critical", "PSU2 Status": "Critical", "CPU1 Status": "Warning"]

    @Test func mkagentIPMI_printsWhatIpmitoolAndIpmiSensorsPrint() throws {
        let node = try OpenIPMINode.boot()
        #expect(node.output(.lanSetup).status == 0, "\(node.output(.lanSetup).stderr)")
        for (tool, mkagent) in OpenIPMINode.pairs {
            let expected = node.output(tool), mine = node.output(mkagent)
            #expect(expected.status == 0 && !expected.stdout.isEmpty, "\(tool.line): \(expected.stderr)")
            #expect(mine.status == 0, "\(mkagent.line): \(mine.stderr)")
            #expect(mine.stdout == expected.stdout, "\(mkagent.line) vs \(tool.line)")
        }
    }

    @Test func lanChannel_inTheFacts_isIpmitoolsAndTheConfiguration() throws {
        let node = try OpenIPMINode.boot()
        let configuration = try OpenIPMIConfiguration()
        let ipmi = try Self.ipmiFacts(node)
        let channels = try #require(ipmi["lan_channels"] as? [[String: Any]])
        // Channel 1 is the only LAN channel, as Get Channel Info tells ipmitool.
        let info = IPMIHarnessTests.fields(node.output(.ipmitoolChannelInfo).stdout)
        #expect(info["Channel Medium Type"] == "802.3 LAN", "\(node.output(.ipmitoolChannelInfo).stdout)")
        #expect(channels.map { $0["channel"] as? Int } == [1])
        let lan = try #require(channels.first)
        let printed = IPMIHarnessTests.fields(node.output(.ipmitoolLanPrint).stdout)

        let sources = ["static": "Static Address", "dhcp": "DHCP Address"]
        let fields: [(key: String, label: String, configured: String?)] = [
            ("ip_address", "IP Address", configuration.lan["ip_addr"]),
            ("subnet_mask", "Subnet Mask", configuration.lan["subnet_mask"]),
            ("mac_address", "MAC Address", configuration.lan["mac_addr"]),
            ("default_gateway_ip", "Default Gateway IP", configuration.lan["default_gw_ip_addr"]),
            ("default_gateway_mac", "Default Gateway MAC", configuration.lan["default_gw_mac_addr"]),
            ("backup_gateway_ip", "Backup Gateway IP", configuration.lan["backup_gw_ip_addr"]),
            ("backup_gateway_mac", "Backup Gateway MAC", configuration.lan["backup_gw_mac_addr"]),
        ]
        for field in fields {
            #expect(field.configured != nil, "openipmi-lan-config gives no value for \(field.key)")
            #expect(lan[field.key] as? String == printed[field.label], "\(field.key) vs ipmitool's \(field.label)")
            #expect(lan[field.key] as? String == field.configured, "\(field.key) vs openipmi-lan-config")
        }
        let source = lan["ip_address_source"] as? String
        #expect(source.flatMap { sources[$0] } == printed["IP Address Source"])
        #expect(source == configuration.lan["ip_addr_src"])
        #expect(lan["vlan_id"] as? Int == OpenIPMINode.vlanID && printed["802.1q VLAN ID"] == String(OpenIPMINode.vlanID))
        #expect(lan["vlan_priority"] as? Int == OpenIPMINode.vlanPriority
                && printed["802.1q VLAN Priority"] == String(OpenIPMINode.vlanPriority))
        #expect(lan["cipher_suites"] as? [Int] == printed["RMCP+ Cipher Suites"]?.split(separator: ",").compactMap { Int($0) })
        #expect(lan["cipher_suite_privileges"] as? String == printed["Cipher Suite Priv Max"])
        #expect(lan["cipher_suite_privileges"] as? String == OpenIPMINode.cipherPrivileges)

        // Authentication types enabled per level: a different set each in openipmi-lan.conf.
        let enables = lan["auth_type_enables"] as? [String: [String]] ?? [:]
        #expect(!configuration.authTypes.isEmpty)
        for (level, types) in configuration.authTypes {
            #expect(enables[level] == types, "auth types enabled for \(level)")
        }
        let lines = node.output(.ipmitoolLanPrint).stdout.split(separator: "\n")
        for (level, label) in [("callback", "Callback"), ("user", "User"), ("operator", "Operator"), ("admin", "Admin")] {
            let line = lines.first { $0.contains(": \(label.padding(toLength: 9, withPad: " ", startingAt: 0)): ") }
            let shown = line.map { $0.components(separatedBy: ": ").last ?? "" }?.split(separator: " ").map(String.init)
            #expect(shown == enables[level], "ipmitool's \(label) auth types")
        }
    }

    @Test func users_inTheFacts_areIpmitoolsAndTheConfiguration() throws {
        let node = try OpenIPMINode.boot()
        let configuration = try OpenIPMIConfiguration()
        let ipmi = try Self.ipmiFacts(node)
        let channels = try #require(ipmi["users"] as? [[String: Any]])
        let channel = try #require(channels.first { ($0["summary"] as? [String: Any])?["channel"] as? Int == 1 }, "no users of channel 1")
        let summary = channel["summary"] as? [String: Any] ?? [:]
        let users = channel["users"] as? [[String: Any]] ?? []

        let printed = IPMIHarnessTests.fields(node.output(.ipmitoolUserSummary).stdout)
        #expect((summary["maximum_users"] as? Int).map(String.init) == printed["Maximum IDs"])
        #expect((summary["enabled_user_count"] as? Int).map(String.init) == printed["Enabled User Count"])
        #expect((summary["fixed_name_count"] as? Int).map(String.init) == printed["Fixed Name Count"])
        #expect(summary["enabled_user_count"] as? Int == configuration.users.filter(\.enabled).count)

        // Every row of `ipmitool -c user list 1`, field by field.
        let rows = node.output(.ipmitoolUserListCSV).stdout.split(separator: "\n")
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(users.count == rows.count && rows.count == summary["maximum_users"] as? Int)
        for (user, row) in zip(users, rows) where row.count == 6 {
            let mine = [(user["id"] as? Int).map(String.init), user["name"] as? String, (user["callin"] as? Bool).map(String.init),
                        (user["link_authentication"] as? Bool).map(String.init),
                        (user["ipmi_messaging"] as? Bool).map(String.init), user["privilege_name"] as? String]
            #expect(mine == row.map { $0 }, "user \(row[0])")
        }

        // The configured users: name, privilege, and enabled as ipmi_sim shows it (IPMI messaging on).
        #expect(configuration.users.count >= 4 && Set(configuration.users.map(\.enabled)).count == 2)
        for configured in configuration.users {
            let user = try #require(users.first { $0["id"] as? Int == configured.id }, "no user \(configured.id)")
            #expect(user["name"] as? String == configured.name, "name of user \(configured.id)")
            #expect(user["privilege_name"] as? String == OpenIPMIConfiguration.privilegeNames[configured.privilege],
                    "privilege of user \(configured.id)")
            #expect(user["ipmi_messaging"] as? Bool == configured.enabled, "user \(configured.id) enabled")
        }
    }

    @Test func sensorStates_andDevice_inTheFacts_areIpmiSensorsIpmitoolsAndTheConfiguration() throws {
        let node = try OpenIPMINode.boot()
        let configuration = try OpenIPMIConfiguration()
        let ipmi = try Self.ipmiFacts(node)

        let sensors = try #require(ipmi["sensors"] as? [[String: Any]])
        let rows = node.output(.ipmiSensorsCSV).stdout.split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(sensors.count == rows.count && rows.count == Self.sensorStates.count)
        for (sensor, row) in zip(sensors, rows) where row.count == 7 {
            #expect(sensor["name"] as? String == row[1])
            #expect(sensor["state"] as? String == row[3], "state of \(row[1]) vs ipmi-sensors")
            #expect(sensor["state"] as? String == Self.sensorStates[row[1]], "state of \(row[1]) vs openipmi-node.emu")
            #expect((sensor["value"] as? Double).map { String(format: "%.2f", $0) } ?? "N/A" == row[4], "value of \(row[1])")
            let events = (sensor["events"] as? [String] ?? []).map { "'\($0)'" }.joined(separator: " ")
            #expect(events == row[6], "events of \(row[1])")
        }

        let device = try #require(ipmi["device"] as? [String: Any])
        let mc = IPMIHarnessTests.fields(node.output(.ipmitoolMCInfo).stdout)
        let controller = configuration.controller
        #expect(device["device_id"] as? Int == controller.deviceID && mc["Device ID"] == String(controller.deviceID))
        #expect(device["device_revision"] as? Int == controller.deviceRevision && mc["Device Revision"] == String(controller.deviceRevision))
        #expect(device["firmware_revision"] as? String == controller.firmware && mc["Firmware Revision"] == controller.firmware)
        #expect(device["manufacturer_id"] as? Int == controller.manufacturerID && mc["Manufacturer ID"] == String(controller.manufacturerID))
        #expect(device["product_id"] as? Int == controller.productID)
        #expect(device["manufacturer_name"] as? String == mc["Manufacturer Name"])

        // ipmi_sim 2.0.33 has neither Get Device GUID nor Get Self Test Results on the system interface: only
        // those may be missing, and ipmitool must be refused them too.
        for (command, name) in [(OpenIPMINode.Command.ipmitoolDeviceGUID, "Get Device GUID"), (.ipmitoolSelfTest, "Get Self Test Results")] {
            #expect(node.output(command).status != 0, "\(command.line) answered: mkagent's \(name) must not be missing then")
        }
        let facts = try QEMUHarnessTests.json(node.output(.facts).stdout)
        for diagnostic in facts["diagnostics"] as? [[String: Any]] ?? [] where diagnostic["collector"] as? String == "ipmi" {
            let error = diagnostic["error"] as? String ?? ""
            #expect(["Get Device GUID", "Get Self Test Results"].contains { error.hasPrefix($0) }, "\(diagnostic)")
        }
    }

    @Test func speed_lanPrintMCInfoFRU_mkagentVersusIpmitool() throws {
        let node = try OpenIPMINode.boot()
        let mkagent = try #require(node.run.seconds(OpenIPMINode.Command.trioMkagent.rawValue))
        let ipmitool = try #require(node.run.seconds(OpenIPMINode.Command.trioIpmitool.rawValue))
        print("harness: openipmi-node: ipmi lan print 1 + mc info + fru, 3 rounds: mkagent \(mkagent) s, ipmitool \(ipmitool) s, ratio \(String(format: "%.2f", ipmitool > 0 ? mkagent / ipmitool : 0))")
        #expect(mkagent > 0 && ipmitool > 0)
    }

    private static func ipmiFacts(_ node: OpenIPMINode) throws -> [String: Any] {
        let facts = try QEMUHarnessTests.json(node.output(.facts).stdout)
        return try #require(facts["ipmi"] as? [String: Any], "no ipmi section: \(node.output(.facts).stderr)")
    }
}
