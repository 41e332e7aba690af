import Foundation
import RackHDCatalogs
import Testing

/// RackHD's own parser tests (on-tasks spec/lib/utils/job-utils/command-parser-spec.js), case for case
/// for the catalogs mkagent answers, run against the Swift reimplementation: the inputs and the expected
/// values are RackHD's.
@Suite struct RackHDParserSpecTests {
    static func parse(_ cmd: String, _ stdout: String) throws -> (RackHDCatalog, JSValue) {
        let catalog = RackHDCommandParser.parse(cmd: cmd, stdout: stdout)
        #expect(catalog.error == nil, "\(catalog.error ?? "")")
        return (catalog, try #require(catalog.data))
    }

    static func keys(_ value: JSValue) -> [String] { value.objectValue?.keys.sorted() ?? [] }
    static func strings(_ value: JSValue) -> [String]? { value.arrayValue?.items.map { $0.string ?? "\($0)" } }
    static func count(_ value: JSValue) -> Int? { value.arrayValue?.items.count }

    static func isObject(_ value: JSValue) -> Bool { value.objectValue != nil }
    static func isArray(_ value: JSValue) -> Bool { value.arrayValue != nil }

    @Test func dmidecode_supermicro() throws {
        let (catalog, data) = try Self.parse("sudo dmidecode", try RackHDSpecInputs.sample("dmidecode-supermicro.txt"))
        #expect(catalog.source == "dmi" && catalog.store)
        let objects = ["BIOS Information", "System Information", "Base Board Information", "Chassis Information",
                       "On Board Device 1 Information", "On Board Device 2 Information", "On Board Device 3 Information",
                       "OEM Strings", "System Boot Information", "IPMI Device Information", "System Event Log", "BIOS Language Information"]
        let arrays = ["Processor Information", "Cache Information", "Port Connector Information", "System Slot Information",
                      "Physical Memory Array", "Memory Array Mapped Address", "Memory Device", "Memory Device Mapped Address",
                      "Management Device", "Voltage Probe", "Management Device Threshold Data", "Management Device Component",
                      "Temperature Probe", "Cooling Device", "Electrical Current Probe", "System Power Supply", "Onboard Device"]
        for key in objects { #expect(Self.isObject(data[key]), "\(key) is an object") }
        for key in arrays { #expect(Self.isArray(data[key]), "\(key) is an array") }
        #expect(!(data.objectValue?.has("End Of Table") ?? true))
        #expect(Self.count(data["Memory Device"]) == 16)
        #expect(data["On Board Device 1 Information"]["Type"].string == "Video")
        #expect(data["On Board Device 2 Information"]["Type"].string == "Ethernet")
        #expect(Self.count(data["Management Device Threshold Data"]) == 13)
        #expect(data["Management Device Threshold Data"]["11"].objectValue?.keys.isEmpty == true)
        #expect(data["BIOS Information"]["Vendor"].string == "American Megatrends Inc.")
        #expect(Self.count(data["BIOS Information"]["Characteristics"]) == 20)
        #expect(data["BIOS Information"]["Characteristics"]["0"].string == "PCI is supported")
        #expect(Self.count(data["Processor Information"]) == 2)
        for info in data["Processor Information"].arrayValue?.items ?? [] {
            #expect(info["Type"].string == "Central Processor")
            #expect(Self.count(info["Flags"]) == 28)
        }
        #expect(Self.keys(data["BIOS Language Information"]) == ["Currently Installed Language", "Installable Languages", "Language Description Format"])
        #expect(data["BIOS Language Information"]["Language Description Format"].string == "Long")
        #expect(Self.strings(data["BIOS Language Information"]["Installable Languages"]) == ["en|US|iso8859-1"])
        #expect(data["BIOS Language Information"]["Currently Installed Language"].string == "en|US|iso8859-1")
    }

    @Test func dmidecode_quanta() throws {
        let (_, data) = try Self.parse("sudo dmidecode", try RackHDSpecInputs.sample("dmidecode-quanta.txt"))
        for key in ["BIOS Information", "System Information", "Base Board Information", "Chassis Information", "OEM Strings",
                    "IPMI Device Information", "BIOS Language Information"] {
            #expect(Self.isObject(data[key]), "\(key) is an object")
        }
        for key in ["Processor Information", "Cache Information", "Port Connector Information", "System Slot Information",
                    "Physical Memory Array", "Memory Array Mapped Address", "Memory Device", "Onboard Device"] {
            #expect(Self.isArray(data[key]), "\(key) is an array")
        }
        #expect(!(data.objectValue?.has("End Of Table") ?? true))
        #expect(Self.count(data["Memory Device"]) == 16)
        #expect(data["Onboard Device"]["0"]["Type"].string == "Video")
        #expect(data["Onboard Device"]["1"]["Type"].string == "SATA Controller")
        #expect(data["Onboard Device"]["2"]["Type"].string == "SATA Controller")
        #expect(Self.strings(data["Chassis Information"]["Contained Elements"]) == ["<OUT OF SPEC> (0)"])
        #expect(data["BIOS Information"]["Vendor"].string == "American Megatrends Inc.")
        #expect(Self.count(data["BIOS Information"]["Characteristics"]) == 16)
        #expect(data["BIOS Information"]["Characteristics"]["0"].string == "PCI is supported")
        #expect(Self.count(data["Processor Information"]) == 2)
        for info in data["Processor Information"].arrayValue?.items ?? [] {
            #expect(info["Type"].string == "Central Processor")
            #expect(Self.count(info["Flags"]) == 28)
        }
        #expect(Self.strings(data["BIOS Language Information"]["Installable Languages"]) == ["en|US|iso8859-1"])
        #expect(Self.keys(data["BIOS Language Information"]).count == 3)
    }

    @Test func lspci_nn_vmm() throws {
        let (catalog, data) = try Self.parse("sudo lspci -nn -vmm", try RackHDSpecInputs.helper("lspciOutput"))
        #expect(catalog.source == "lspci" && catalog.store)
        let expected = [["Slot", "Class", "Vendor", "Device", "Rev"], ["Slot", "Class", "Vendor", "Device", "Rev", "ProgIf"],
                        ["Slot", "Class", "Vendor", "Device"], ["Slot", "Class", "Vendor", "Device", "SVendor", "SDevice", "Rev"],
                        ["Slot", "Class", "Vendor", "Device"], ["Slot", "Class", "Vendor", "Device", "ProgIf"],
                        ["Slot", "Vendor", "Device", "Rev"], ["Slot", "Class", "Vendor", "Device", "ProgIf"]]
        for (index, keys) in expected.enumerated() {
            #expect(Self.keys(data[String(index)]) == keys.sorted(), "record \(index)")
        }
        for record in data.arrayValue?.items ?? [] { #expect(!(record.objectValue?.keys.contains("") ?? true)) }
    }

    @Test(arguments: [("lshwOutput", ["00:1e:67:ab:5e:dc", "00:1e:67:ab:5e:dd", "00:1e:67:69:4c:b8", "00:8c:fa:f3:74:d0"]),
                      ("multi-nic-lshw.txt", ["f8:bc:12:0b:0b:40", "f8:bc:12:0b:0b:41"])])
    func lshw_json_lookups(input: String, macs: [String]) throws {
        let text = input.hasSuffix(".txt") ? try RackHDSpecInputs.sample(input) : try RackHDSpecInputs.helper(input)
        let (catalog, data) = try Self.parse("sudo lshw -json", text)
        #expect(catalog.source == "lshw" && catalog.store)
        #expect(catalog.lookups?.arrayValue?.items.map { $0["mac"].string ?? "" } == macs)
        #expect(JSValueComparison(try JSValueText.parse(text), data).isEqual)
    }

    @Test func lsblk_break_lsscsi() throws {
        let (catalog, data) = try Self.parse(
            "sudo lsblk -o KNAME,TYPE,ROTA; echo BREAK; sudo lsscsi --size", try RackHDSpecInputs.helper("lsscsiPlusRotationalOutput"))
        #expect(catalog.source == "lsscsi" && catalog.store)
        let first = data["0"], third = data["2"]
        #expect(first["scsiInfo"].string == "[0:0:0:0]")
        #expect(first["peripheralType"].string == "disk")
        #expect(first["vendorName"].string == "HITACHI")
        #expect(first["modelName"].string == "HUSMM812 CLAR200")
        #expect(first["revisionString"].string == "C118")
        #expect(first["devicePath"].string == "/dev/sdb")
        #expect(first["size"].string == "200GB")
        #expect(third["scsiInfo"].string == "[0:0:2:0]")
        #expect(third["vendorName"].string == "HGST")
        #expect(third["modelName"].string == "HUSMM8080ASS200")
        #expect(third["revisionString"].string == "A116")
        #expect(third["devicePath"].string == "/dev/sdc")
        #expect(third["size"].string == "-")
        #expect(first["rotational"].isTruthy && third["rotational"].isTruthy)
        #expect(data["10"].objectValue?.has("rotational") == false)
        #expect(data["65"]["devicePath"].string == "/dev/sda")
        guard case .bool(false)? = data.arrayValue?.items.last?["rotational"] else {
            Issue.record("the last device's rotational is not false")
            return
        }
    }

    @Test func ipmitool_lanPrint() throws {
        let (catalog, data) = try Self.parse("sudo ipmitool lan print", try RackHDSpecInputs.helper("ipmiLanPrintOutput"))
        #expect(catalog.source == "bmc" && catalog.store && catalog.lookups == nil)
        let expected = ["Set in Progress": "Set Complete", "Auth Type Support": "NONE MD2 MD5 PASSWORD",
                        "IP Address Source": "DHCP Address", "IP Address": "0.0.0.0", "Subnet Mask": "0.0.0.0",
                        "MAC Address": "00:25:90:83:d4:4c", "SNMP Community String": "public",
                        "IP Header": "TTL=0x00 Flags=0x00 Precedence=0x00 TOS=0x00",
                        "BMC ARP Control": "ARP Responses Enabled, Gratuitous ARP Disabled", "Default Gateway IP": "0.0.0.0",
                        "Default Gateway MAC": "00:00:00:00:00:00", "802.1q VLAN ID": "Disabled", "802.1q VLAN Priority": "0",
                        "RMCP+ Cipher Suites": "1,2,3,6,7,8,11,12"]
        for (key, value) in expected { #expect(data[key].string == value, "\(key)") }
        let auth = data["Auth Type Enable"]
        #expect(Self.keys(auth) == ["Admin", "Callback", "OEM", "Operator", "User"])
        for key in Self.keys(auth) { #expect(auth[key].string == "MD2 MD5 PASSWORD") }
        #expect(Self.strings(data["Cipher Suite Priv Max"]) == [
            "aaaaXXaaaXXaaXX", "X=Cipher Suite Unused", "c=CALLBACK", "u=USER", "o=OPERATOR", "a=ADMIN", "O=OEM"])
    }

    @Test func ipmitool_lanPrint_validIP_addsALookup() throws {
        let (catalog, _) = try Self.parse("sudo ipmitool lan print", try RackHDSpecInputs.helper("ipmiLanPrintOutputValidIp"))
        let lookup = try #require(catalog.lookups?["0"])
        #expect(lookup["ip"].string == "10.1.1.24" && lookup["mac"].string == "00:25:90:83:d4:4c")
        #expect(catalog.lookups?.arrayValue?.items.count == 1)
    }

    @Test(arguments: [("15", ["bmc-15", "ipmi-user-list-15", "ipmi-user-summary-15"]), ("3", ["rmm", "rmm-user-list", "rmm-user-summary"])])
    func ipmitool_channelSources(channel: String, sources: [String]) throws {
        let stdout = try RackHDSpecInputs.helper("ipmiLanPrintOutput")
        let commands = ["sudo ipmitool lan print \(channel)", "sudo ipmitool -c user list \(channel)", "sudo ipmitool user summary \(channel)"]
        for (cmd, source) in zip(commands, sources) {
            let catalog = RackHDCommandParser.parse(cmd: cmd, stdout: stdout)
            #expect(catalog.error == nil && catalog.store && catalog.source == source, "\(cmd)")
        }
    }

    @Test func ipmitool_lanPrint_zeroMAC_isNotStored() throws {
        let (catalog, data) = try Self.parse("sudo ipmitool lan print 3", try RackHDSpecInputs.helper("ipmiLanPrintOutputUnused"))
        #expect(!catalog.store)
        #expect(data["MAC Address"].string == "00:00:00:00:00:00")
    }

    @Test func ipmitool_sel() throws {
        let (catalog, data) = try Self.parse("sudo ipmitool sel", try RackHDSpecInputs.sample("ipmi-sel-information.txt"))
        #expect(catalog.source == "ipmi-sel-information" && catalog.store)
        #expect(Self.keys(data).count == 13)
        let expected = ["Version": "1.5 (v1.5, v2 compliant)", "Entries": "545", "Free Space": "6552 bytes", "Percent Used": "57%",
                        "Last Add Time": "07/15/2015 22:35:35", "Last Del Time": "Not Available", "Overflow": "false",
                        "Supported Cmds": "'Delete' 'Partial Add' 'Reserve' 'Get Alloc Info'", "# of Alloc Units": "909",
                        "Alloc Unit Size": "18", "# Free Units": "364", "Largest Free Blk": "364", "Max Record Size": "1"]
        for (key, value) in expected { #expect(data[key].string == value, "\(key)") }
    }

    @Test func ipmitool_selList_csv() throws {
        let (_, data) = try Self.parse("sudo ipmitool sel list -c", try RackHDSpecInputs.helper("ipmiSelOutput"))
        let expected: [String: [String]] = [
            "1": ["05/27/2014", "21:20:43", "Event Logging Disabled #0x07", "Log area reset/cleared", "Asserted"],
            "2": ["05/27/2014", "21:22:20", "System Event #0x83", "Timestamp Clock Sync", "Asserted"],
            "3": ["05/27/2014", "21:22:21", "System Event #0x83", "Timestamp Clock Sync", "Asserted"],
            "4": ["05/27/2014", "21:22:21", "Power Unit #0x01", "Power off/down", "Asserted"],
            "5": ["05/27/2014", "21:23:24", "Power Supply #0x51", "Power Supply AC lost", "Asserted"],
            "6": ["05/27/2014", "21:23:25", "Power Unit #0x02", "Fully Redundant", "Deasserted"],
            "7": ["05/27/2014", "21:23:25", "Power Unit #0x02", "Redundancy Lost", "Asserted"],
            "8": ["05/27/2014", "21:23:25", "Power Unit #0x02", "Non-Redundant: Sufficient from Redundant", "Asserted"],
        ]
        for (key, value) in expected { #expect(Self.strings(data[key]) == value, "\(key)") }
    }

    @Test func ipmitool_userList() throws {
        let (catalog, data) = try Self.parse("sudo ipmitool -c user list 1", try RackHDSpecInputs.helper("ipmiUserListOutput"))
        #expect(catalog.store)
        #expect(Self.keys(data) == ["1", "2"])
        let expected = [["1", "", "true", "false", "true", "ADMINISTRATOR"], ["2", "root", "false", "true", "true", "ADMINISTRATOR"]]
        for (index, values) in expected.enumerated() {
            let user = data[String(index + 1)]
            for (title, value) in zip(["ID", "Name", "Callin", "Link Auth", "IPMI Msg", "Channel Priv Limit"], values) {
                #expect(user[title].string == value, "\(index + 1) \(title)")
            }
        }
    }

    @Test func ipmitool_userSummary() throws {
        let (catalog, data) = try Self.parse("sudo ipmitool user summary 1", try RackHDSpecInputs.helper("ipmiUserSummaryOutput"))
        #expect(catalog.store)
        #expect(data["Maximum IDs"].string == "15")
        #expect(data["Enabled User Count"].string == "2")
        #expect(data["Fixed Name Count"].string == "2")
    }

    @Test func ipmitool_mcInfo() throws {
        let (catalog, data) = try Self.parse("sudo ipmitool mc info", try RackHDSpecInputs.helper("ipmiMcInfoOutput"))
        #expect(catalog.store)
        let expected = ["Device ID": "33", "Device Revision": "1", "Firmware Revision": "1.17", "IPMI Version": "2.0",
                        "Manufacturer ID": "343", "Product ID": "73 (0x0049)", "Product Name": "Unknown (0x49)",
                        "Device Available": "yes", "Provides Device SDRs": "no"]
        for (key, value) in expected { #expect(data[key].string == value, "\(key)") }
        #expect(Self.strings(data["Additional Device Support"]) == [
            "Sensor Device", "SDR Repository Device", "SEL Device", "FRU Inventory Device", "IPMB Event Receiver",
            "IPMB Event Generator", "Chassis Device"])
    }

    @Test func lldpcli_keyvalue() throws {
        let (catalog, data) = try Self.parse("sudo /usr/sbin/lldpcli show neighbor -f keyvalue", try RackHDSpecInputs.sample("lldp.txt"))
        #expect(catalog.store)
        let port = data["p20p2"]["port"], chassis = data["p20p2"]["chassis"]
        #expect(port["descr"].string == "Not received")
        #expect(port["ifname"].string == "Ethernet50")
        #expect(chassis["mac"].string == "00:1c:73:ac:94:89")
        #expect(chassis["name"].string == "mgmt01")
        #expect(chassis["mgmt-ip"].string == "10.240.19.102")
        #expect(chassis["Bridge"]["enabled"].string == "on")
        #expect(chassis["Router"]["enabled"].string == "off")
    }

    @Test func unknownCommand_hasNoParser() {
        let catalog = RackHDCommandParser.parse(cmd: "sudo lshw -xml", stdout: "<node/>")
        #expect(catalog.error?.hasPrefix("No parser exists") == true)
        #expect(catalog.data == nil)
    }
}
