import Testing
@testable import Facts

/// On-board devices (types 10, 41), types 40, 42, 43, 45, 126, 127 and the vendor-specific decoders.
/// Expected values were checked against `dmidecode --from-dump` 3.4 on the same dumps and structures.
@Suite struct DMIMiscTests {
    // MARK: - Helpers

    /// A dump's table, split the way `DMITableSource.loadDump` splits it.
    static func table(_ dump: String) throws -> SMBIOSTable {
        try Fixtures.dmiTable(dump)
    }

    static func structure(_ table: SMBIOSTable, handle: UInt16) throws -> SMBIOSStructure {
        try #require(table.structures.first { $0.handle == handle })
    }

    /// A structure built from its body (the bytes after the 4-byte header).
    static func structure(_ type: UInt8, _ body: [UInt8], strings: [String] = [], handle: UInt16 = 0x0100, offset: Int = 0) -> SMBIOSStructure {
        SMBIOSStructure(
            formatted: [type, UInt8(4 + body.count), UInt8(handle & 0xFF), UInt8(handle >> 8)] + body,
            strings: strings.map { Array($0.utf8) }, offset: offset)
    }

    /// dmidecode's text of a structure, without the Handle line and the blank separator.
    static func text(_ s: SMBIOSStructure, _ context: DMIContext) -> [String] {
        let rendered = DMITextRenderer.render(DMIDecoder.record(s, context))
        return Array(rendered.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().dropLast(2)).map(String.init)
    }

    static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }

    static let v33 = DMIContext(version: 0x0303)

    // MARK: - On-board devices

    @Test func type10OfSuperMicroX9DBL_listsItsThreeDevices() throws {
        let table = try Self.table("dmi/u-root/SuperMicro-X9DBL.bin")
        let devices = OnboardDevice.onBoardDevices(try Self.structure(table, handle: 0x002A))
        #expect(devices == [
            OnboardDevice(handle: 0x002A, type: "Video", enabled: true, description: "Matrox VGA"),
            OnboardDevice(handle: 0x002A, type: "Ethernet", enabled: true, description: "Intel 82574L Ethernet 1"),
            OnboardDevice(handle: 0x002A, type: "Ethernet", enabled: true, description: "Intel 82574L Ethernet 2"),
        ])
    }

    @Test func type41OfSuperMicroX9DBL_givesDesignationInstanceAndBusAddress() throws {
        let table = try Self.table("dmi/u-root/SuperMicro-X9DBL.bin")
        let device = try #require(OnboardDevice.extendedDevice(try Self.structure(table, handle: 0x006D)))
        #expect(device == OnboardDevice(
            handle: 0x006D, referenceDesignation: "Intel 82574L Ethernet 1", type: "Ethernet", enabled: true,
            typeInstance: 1, busAddress: "0000:05:00.0"))
        #expect(Self.text(try Self.structure(table, handle: 0x006D), DMIContext(table: table)) == [
            "Onboard Device",
            "\tReference Designation:  Intel 82574L Ethernet 1",
            "\tType: Ethernet",
            "\tStatus: Enabled",
            "\tType Instance: 1",
            "\tBus Address: 0000:05:00.0",
        ])
    }

    @Test func type10Text_numbersDevicesOnlyWhenThereAreSeveral() throws {
        let table = try Self.table("dmi/systemd/Lenovo-Thinkcentre-m720s.bin")
        let lines = Self.text(try Self.structure(table, handle: 0x0021), DMIContext(table: table))
        #expect(lines.count == 16)
        #expect(lines[12...] == ["On Board Device 4 Information", "\tType: SATA Controller", "\tStatus: Enabled", "\tDescription:    Onboard SATA"])
        let single = Self.structure(10, [0x02, 1], strings: ["dev"])
        #expect(Self.text(single, Self.v33) == ["On Board Device Information", "\tType: Unknown", "\tStatus: Disabled", "\tDescription: dev"])
        #expect(OnboardDevice.onBoardDevices(single) == [OnboardDevice(handle: 0x0100, type: nil, enabled: false, description: "dev")])
    }

    @Test func type41WithoutBusAddress_omitsIt() {
        let s = Self.structure(41, [1, 0x8F, 3, 0xFF, 0xFF, 0xFF, 0xFF], strings: ["nvme"])
        #expect(OnboardDevice.extendedDevice(s)?.busAddress == nil)
        #expect(OnboardDevice.extendedDevice(s)?.type == "NVMe Controller")
        #expect(!Self.text(s, Self.v33).contains { $0.contains("Bus Address") })
    }

    // MARK: - TPM, firmware inventory, additional information

    @Test func tpmOfThinkCentreM720s_decodesRevisionAndCharacteristics() throws {
        let table = try Self.table("dmi/systemd/Lenovo-Thinkcentre-m720s.bin")
        #expect(Self.text(try Self.structure(table, handle: 0x004B), DMIContext(table: table)) == [
            "TPM Device",
            "\tVendor ID: ",
            "\tSpecification Version: 2.0",
            "\tFirmware Revision: 7.63",
            "\tDescription: INFINEON",
            "\tCharacteristics:",
            "\t\tFamily configurable via platform software support",
            "\tOEM-specific Information: 0x00000000",
        ])
    }

    @Test func firmwareInventory_listsAssociatedComponents() {
        let body: [UInt8] = [1, 2, 0, 3, 0, 4, 5, 6] + Self.le32(0x1234567) + [0, 0, 0, 0] + Self.le16(3) + [4, 3]
            + Self.le16(1) + Self.le16(2) + Self.le16(0xABCD)
        let s = Self.structure(45, body, strings: ["n", "v", "id", "date", "man", "low"])
        #expect(Self.text(s, Self.v33) == [
            "Firmware Inventory Information",
            "\tFirmware Component Name: n", "\tFirmware Version: v", "\tFirmware ID: id", "\tRelease Date: date",
            "\tManufacturer: man", "\tLowest Supported Firmware Version: low", "\tImage Size: 18641 kB",
            "\tCharacteristics:", "\t\tUpdatable: Yes", "\t\tWrite-Protect: Yes", "\tState: Enabled",
            "\tAssociated Components: 3", "\t\t0x0001", "\t\t0x0002", "\t\t0xABCD",
        ])
    }

    @Test func additionalInformationOfSatellite_showsEachEntry() throws {
        let table = try Self.table("dmi/u-root-pkg-smbios/satellite_pro_l70_testdata.bin")
        let s = try #require(table.structures.first { $0.type == 40 })
        #expect(Self.text(s, DMIContext(table: table)) == [
            "Additional Information 1", "\tReferenced Handle: 0x001e", "\tReferenced Offset: 0x05",
            "\tString: PCIExpressx16", "\tValue: 0xaa",
            "Additional Information 2", "\tReferenced Handle: 0x0000", "\tReferenced Offset: 0x05",
            "\tString: Compiler Version: VC 9.0", "\tValue: 0x05dc",
        ])
    }

    @Test func inactiveAndEndOfTable_areTitlesOnly() {
        #expect(Self.text(Self.structure(126, [1, 2]), Self.v33) == ["Inactive"])
        #expect(Self.text(Self.structure(127, []), Self.v33) == ["End Of Table"])
    }

    // MARK: - Management controller host interface

    /// A Redfish-over-IP protocol record (DSP0270 8.6) with 16-byte address fields.
    static func redfishRecord(
        assignment: UInt8, format: UInt8, address: [UInt8], mask: [UInt8], discovery: UInt8, serviceFormat: UInt8,
        serviceAddress: [UInt8], serviceMask: [UInt8], port: UInt16, vlan: UInt32, host: String
    ) -> [UInt8] {
        let pad = { (b: [UInt8]) in b + [UInt8](repeating: 0, count: 16 - b.count) }
        let data: [UInt8] = Array(1...16) + [assignment, format] + pad(address) + pad(mask) + [discovery, serviceFormat]
            + pad(serviceAddress) + pad(serviceMask) + le16(port) + le32(vlan) + [UInt8(host.utf8.count)] + Array(host.utf8)
        return [0x04, UInt8(data.count)] + data
    }

    @Test func hostInterfaceOverUSB_decodesDeviceAndRedfishRecord() {
        let record = Self.redfishRecord(
            assignment: 1, format: 1, address: [169, 254, 0, 2], mask: [255, 255, 0, 0], discovery: 1,
            serviceFormat: 1, serviceAddress: [169, 254, 0, 1], serviceMask: [255, 255, 0, 0], port: 443, vlan: 0,
            host: "bmc.local")
        let s = Self.structure(42, [0x40, 5, 0x02] + Self.le16(0x046B) + Self.le16(0xFFB3) + [2, 2, 0] + record)
        #expect(Self.text(s, Self.v33) == [
            "Management Controller Host Interface",
            "\tHost Interface Type: Network",
            "\tDevice Type: USB",
            "\tidVendor: 0x046b",
            "\tidProduct: 0xffb3",
            "\tProtocol ID: 02 (IPMI)",
            "\tProtocol ID: 04 (Redfish over IP)",
            "\t\tService UUID: 04030201-0605-0807-090a-0b0c0d0e0f10",
            "\t\tHost IP Assignment Type: Static",
            "\t\tHost IP Address Format: IPv4",
            "\t\tIPv4 Address: 169.254.0.2",
            "\t\tIPv4 Mask: 255.255.0.0",
            "\t\tRedfish Service IP Discovery Type: Static",
            "\t\tRedfish Service IP Address Format: IPv4",
            "\t\tIPv4 Redfish Service Address: 169.254.0.1",
            "\t\tIPv4 Redfish Service Mask: 255.255.0.0",
            "\t\tRedfish Service Port: 443",
            "\t\tRedfish Service Vlan: 0",
            "\t\tRedfish Service Hostname: bmc.local",
        ])
        // Before SMBIOS 3.2 only the interface type is readable.
        #expect(Self.text(s, DMIContext(version: 0x0301)) == ["Management Controller Host Interface", "\tInterface Type: Network"])
    }

    @Test func ipv6Addresses_areWrittenLikeInetNtop() {
        func text(_ groups: [UInt16]) -> String {
            ManagementControllerHostInterfaceDecoder.ipv6Text(groups.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        }
        #expect(text([0xFE80, 0, 0, 0, 0, 0, 0, 1]) == "fe80::1")
        #expect(text([0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0, 0, 0, 0]) == "ffff:ffff:ffff:ffff::")
        #expect(text([0, 0, 0, 0, 0, 0xFFFF, 0x0A00, 0x0001]) == "::ffff:10.0.0.1")
        #expect(text([0x2001, 0xDB8, 0, 0, 1, 0, 0, 1]) == "2001:db8::1:0:0:1")
        #expect(text([1, 0, 2, 0, 3, 0, 4, 0]) == "1:0:2:0:3:0:4:0")
        #expect(text([0, 0, 0, 0, 0, 0, 0, 0]) == "::")
        #expect(text([0, 0, 0, 0, 0, 0, 0, 1]) == "::1")
    }

    // MARK: - Vendor-specific structures

    @Test func thinkPadT480_decodesThinkVantageAndEmbeddedControllerRecords() throws {
        let table = try Self.table("dmi/u-root/Lenovo-ThinkPad-T480.bin")
        let context = DMIContext(table: table)
        let records = table.structures.map { DMIDecoder.record($0, context) }
        let titles = records.filter { $0.type >= 128 }.compactMap(\.title)
        #expect(titles.contains("ThinkVantage Technologies"))
        let ecp = try #require(records.first { $0.title == "ThinkPad Embedded Controller Program" })
        #expect(ecp.lines == [
            .title("ThinkPad Embedded Controller Program"),
            .attr("Version ID", "N22HT26W"),
            .attr("Release Date", "12/18/2018"),
        ])
        // Other type 131 structures (another length or first string) stay raw.
        #expect(titles.contains("OEM-specific Type"))
    }

    @Test func thinkPadW510_detectsFingerprintReader() throws {
        let table = try Self.table("dmi/u-root/Lenovo-ThinkPad-W510.bin")
        #expect(Self.text(try Self.structure(table, handle: 0x0045), DMIContext(table: table)) == [
            "ThinkPad Device Presence Detection", "\tFingerprint Reader: Present",
        ])
        // Type 135 structures of another OEM structure number stay raw.
        #expect(Self.text(try Self.structure(table, handle: 0x0042), DMIContext(table: table)).first == "OEM-specific Type")
    }

    @Test func thinkCentreM720s_reportsDiagnosticsAvailable() throws {
        let table = try Self.table("dmi/systemd/Lenovo-Thinkcentre-m720s.bin")
        #expect(Self.text(try Self.structure(table, handle: 0x0063), DMIContext(table: table)) == [
            "ThinkVantage Technologies", "\tVersion: 1", "\tDiagnostics: Available",
        ])
    }

    @Test func hpeNICRecordsWithoutNumber_areNumberedInTableOrder() {
        let mac: [UInt8] = [0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F]
        let numbered = Self.structure(233, [0, 0, 0x05, 0x10] + mac + [UInt8](repeating: 0, count: 26) + [3], offset: 0)
        let short = Self.structure(233, [0, 0, 0x05, 0x10] + mac, offset: 100)
        let noNumber = Self.structure(233, [0, 0, 0x05, 0x11] + mac + [UInt8](repeating: 0, count: 26) + [0xFF], offset: 200)
        let disabled = Self.structure(233, [0, 0, 0, 0] + mac, offset: 300)
        let table = SMBIOSTable(entryPoint: nil, structures: [
            Self.structure(1, [1, 2, 0, 0] + [UInt8](repeating: 0, count: 16) + [6, 0, 0], strings: ["HPE", "ProLiant DL380 Gen10"]),
            numbered, short, noNumber, disabled,
        ], problems: [])
        let context = DMIContext(table: table)
        #expect(Self.text(numbered, context) == ["HPE BIOS PXE NIC PCI and MAC Information", "\tNIC 3: PCI device 05:02.0, MAC address 0A:0B:0C:0D:0E:0F"])
        #expect(Self.text(short, context).last == "\tNIC 1: PCI device 05:02.0, MAC address 0A:0B:0C:0D:0E:0F")
        #expect(Self.text(noNumber, context).last == "\tNIC 2: PCI device 05:02.1, MAC address 0A:0B:0C:0D:0E:0F")
        #expect(Self.text(disabled, context).last == "\tNIC 3: Disabled")
    }

    @Test func hpeMicrocodeRecords_useTheProcessorsCPUIDLayout() {
        let patch = Self.le32(0x2006906) + Self.le32(0x2019_0927) + Self.le32(0x50654)
        let s = Self.structure(199, patch)
        let context = DMIContext(version: 0x0303, systemManufacturer: "HPE", systemProduct: "ProLiant DL380 Gen10", cpuidKind: .x86Intel)
        #expect(Self.text(s, context) == [
            "HPE ProLiant CPU Microcode Patch Support Info",
            "\tCPU ID: Type 0, Family 6, Model 85, Stepping 4",
            "\t\tDate: 0927-20-19",
            "\t\tPatch: 0x2006906",
        ])
        // Before Gen9 the record is not decoded.
        let g7 = DMIContext(version: 0x0207, systemManufacturer: "Hewlett-Packard  ", systemProduct: "ProLiant DL360 G7", cpuidKind: .x86Intel)
        #expect(Self.text(s, g7).first == "OEM-specific Type")
    }

    @Test func vendorRecordsOfOtherSystems_stayRaw() {
        let s = Self.structure(131, [1] + [UInt8](repeating: 0, count: 15) + [0x80, 0], strings: ["TVT-Enablement"])
        #expect(Self.text(s, DMIContext(version: 0x0303, systemManufacturer: "LENOVO ")).first == "ThinkVantage Technologies")
        #expect(Self.text(s, DMIContext(version: 0x0303, systemManufacturer: "Acer")).first == "OEM-specific Type")
        let backplane = Self.structure(236, [0xA0, 2, 0, 0x34])
        #expect(Self.text(backplane, DMIContext(version: 0x0303, systemManufacturer: "HP", systemProduct: "HP Z600 Workstation")).first == "OEM-specific Type")
    }

    // MARK: - Malformed structures

    @Test func shortStructures_printOnlyWhatFits() {
        #expect(Self.text(Self.structure(41, [1, 0x85]), Self.v33) == ["Onboard Device"])
        #expect(OnboardDevice.extendedDevice(Self.structure(41, [1, 0x85])) == nil)
        #expect(Self.text(Self.structure(10, [0x83]), Self.v33) == [])
        #expect(Self.text(Self.structure(40, [2, 5, 1, 0, 5, 1]), Self.v33) == [])
        #expect(Self.text(Self.structure(40, [2, 5, 1, 0, 5, 1, 3, 1, 0, 0]), Self.v33).last == "Additional Information 2")
        #expect(Self.text(Self.structure(43, Array("MSFT".utf8) + [2, 0]), Self.v33) == ["TPM Device"])
        #expect(Self.text(Self.structure(45, [1, 2, 0]), Self.v33) == ["Firmware Inventory Information"])
        // Two components announced, one present: the list is left out.
        let components = Self.structure(45, [1, 2, 0, 3, 0, 4, 5, 6] + [UInt8](repeating: 0, count: 8) + [0, 0, 4, 2, 1, 0])
        #expect(!Self.text(components, Self.v33).contains { $0.contains("Associated Components") })
        // A protocol record running past the structure ends the decoding.
        let overrun = Self.structure(42, [0x40, 0, 2, 2, 3, 1, 2, 3, 4, 0xF0, 1, 9])
        #expect(Self.text(overrun, Self.v33) == ["Management Controller Host Interface", "\tHost Interface Type: Network", "\tProtocol ID: 02 (IPMI)"])
        #expect(Self.text(Self.structure(42, [0x40, 40, 0, 0, 0, 0, 0]), Self.v33) == ["Management Controller Host Interface"])
        // An 8-byte HPE backplane record ends inside its NVRAM ID; the next byte comes from the strings.
        let hpe = DMIContext(version: 0x0303, systemManufacturer: "HPE", systemProduct: "ProLiant DL380 Gen10")
        #expect(Self.text(Self.structure(236, [0xA0, 2, 0, 0x34], strings: ["Zq"]), hpe) == [
            "HPE HDD Backplane FRU Information", "\tFRU I2C Address: 0x50 raw(0xA0)", "\tBox Number: 2", "\tNVRAM ID: 0x5A34",
        ])
        #expect(Self.text(Self.structure(140, Array("LENOVO".utf8) + [0x0B, 7, 1, 1]), DMIContext(version: 0x0303, systemManufacturer: "LENOVO")).first == "OEM-specific Type")
    }
}
