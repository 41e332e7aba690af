import Facts
import Foundation
import Testing
@testable import Agent

/// `mk_ipmi_*`: the Hanlon Microkernel's IPMI facts from the `ipmi` section. The section is built from Get
/// Device ID bytes QEMU's BMC returned, LAN parameters in the spec's encoding and a FRU image written by
/// scripts/ipmi-fru (the harness's FRU writer), and each flat fact is checked against the decoded value or
/// the field given to ipmi-fru.
@Suite struct HanlonIPMIFactsTests {
    /// Get Device ID as QEMU's ipmi-bmc-sim answered in the rack-server guest.
    static let deviceID: [UInt8] = [0x20, 0x00, 0x02, 0x31, 0x02, 0x07, 0xa2, 0x02, 0x00, 0x00, 0x01]
    static let fruFields = [
        "board_manufacturer": "Contoso Systems", "board_product": "0MB7K2", "board_serial": "B7K2-0042",
        "board_part": "0MB7K2A03", "product_name": "CS-R740 Rack Server", "chassis_serial": "CHS-740.0012",
    ]
    static let fruLabels = [
        "board_manufacturer": "Board_Mfg", "board_product": "Board_Product", "board_serial": "Board_Serial",
        "board_part": "Board_Part_Number", "product_name": "Product_Name", "chassis_serial": "Chassis_Serial",
    ]

    static func section() throws -> IPMIFacts {
        var ipmi = IPMIFacts(interface: "/dev/ipmi0")
        ipmi.device = try IPMIDeviceID(response: deviceID, manufacturers: .builtIn)
        var lan = IPMILANConfiguration(channel: 1)
        lan.apply(parameter: 3, response: [0x11, 192, 0, 2, 44])
        lan.apply(parameter: 4, response: [0x11, 0x01])
        lan.apply(parameter: 5, response: [0x11, 0x52, 0x54, 0x00, 0x12, 0x34, 0x99])
        lan.apply(parameter: 6, response: [0x11, 255, 255, 255, 0])
        lan.apply(parameter: 12, response: [0x11, 192, 0, 2, 1])
        lan.apply(parameter: 20, response: [0x11, 0x2A, 0x80])
        ipmi.lanChannels = [lan]
        ipmi.fru = [try IPMIFRU(id: 0, image: fruImage())]
        return ipmi
    }

    static func fruImage() throws -> [UInt8] {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/ipmi-fru").path
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("mkagent-fru-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let fields = fruFields.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: ",")
        let result = try MkAgentProcess.execute(["/bin/bash", script, output, fields])
        try #require(result.status == 0, "ipmi-fru: \(result.stderr)")
        return Array(try Data(contentsOf: URL(fileURLWithPath: output)))
    }

    @Test func mcInfoAndLanPrintFields_carryTheDecodedValues() throws {
        let ipmi = try Self.section()
        let flat = HanlonIPMIFacts.facts(ipmi)
        let device = try #require(ipmi.device)
        let lan = try #require(ipmi.lanChannels.first)
        for name in HanlonIPMIFacts.mcInfoFields { #expect(flat["mk_ipmi_" + name] != nil, "\(name)") }
        #expect(flat["mk_ipmi_Device_ID"] == String(device.deviceID))
        #expect(flat["mk_ipmi_Firmware_Revision"] == device.firmwareRevision)
        #expect(flat["mk_ipmi_IPMI_Version"] == device.ipmiVersion)
        #expect(flat["mk_ipmi_Manufacturer_ID"] == String(device.manufacturerID))
        #expect(flat["mk_ipmi_Manufacturer_Name"] == device.manufacturerName)
        #expect(flat["mk_ipmi_Product_ID"]?.hasPrefix("\(device.productID) (0x") == true)
        #expect(flat["mk_ipmi_Device_Available"] == (device.deviceAvailable ? "yes" : "no"))
        #expect(flat["mk_ipmi_IP_Address"] == lan.ipAddress && lan.ipAddress != nil)
        #expect(flat["mk_ipmi_Subnet_Mask"] == lan.subnetMask && lan.subnetMask != nil)
        #expect(flat["mk_ipmi_MAC_Address"] == lan.macAddress && lan.macAddress != nil)
        #expect(flat["mk_ipmi_Default_Gateway_IP"] == lan.defaultGatewayIP && lan.defaultGatewayIP != nil)
        #expect(flat["mk_ipmi_8021q_VLAN_ID"] == lan.vlanID.map(String.init) && lan.vlanID != nil)
        #expect(flat["mk_ipmi_IP_Address_Source"]?.hasPrefix("Static") == true)
    }

    @Test func fruFields_areNumberedByDevice_andEqualWhatTheImageHolds() throws {
        let flat = HanlonIPMIFacts.facts(try Self.section())
        for (field, value) in Self.fruFields {
            #expect(flat["mk_ipmi_fru_0_" + Self.fruLabels[field]!] == value, "\(field)")
        }
        #expect(flat["mk_ipmi_fru_0_Chassis_Type"] != nil)
    }

    @Test func names_followTheOldAgentsKeyRules_andReachTheRegistration() throws {
        var facts = Facts(metadata: FactsMetadata(
            mkagentVersion: "test", collectedAt: "", roots: HostRoot(under: "/"), rootOrigins: [:], collectors: []))
        facts.ipmi = try Self.section()
        let registered = HanlonFlatFacts.flatten(facts).filter { $0.key.hasPrefix("mk_ipmi") }
        #expect(registered == HanlonIPMIFacts.facts(facts.ipmi) && !registered.isEmpty)
        for name in registered.keys {
            #expect(!name.contains { " .!@#$%^&*()=+[]{}".contains($0) }, "\(name)")
        }
        #expect(HanlonIPMIFacts.key("  #  of Ports (max.) ") == "number_of_Ports_max")
    }

    @Test func noBMC_noIPMIFacts() {
        #expect(HanlonIPMIFacts.facts(nil).isEmpty)
        #expect(HanlonIPMIFacts.facts(IPMIFacts()).isEmpty)
    }
}
