import Testing
@testable import Facts

/// Types 2, 3, 5, 6, 8, 9 and 11-15. Expected values were read from `dmidecode --from-dump` of the
/// same fixture.
@Suite struct DMIBoardTests {
    static let dell = "dmi/derived/go-smbios-Dell-PowerEdge-R630-Dual-Xeon.bin"
    static let superMicro = "dmi/u-root/SuperMicro-X9DBL.bin"
    static let thinkCentre = "dmi/systemd/Lenovo-Thinkcentre-m720s.bin"
    static let vmware = "dmi/u-root/VMWare.bin"

    static func table(_ fixture: String) throws -> SMBIOSTable {
        try Fixtures.dmiTable(fixture)
    }

    static func structures(_ fixture: String, type: UInt8) throws -> (SMBIOSTable, [SMBIOSStructure]) {
        let table = try table(fixture)
        return (table, table.structures(ofType: type))
    }

    /// dmidecode's text for one structure, without the Handle line.
    static func text(_ s: SMBIOSStructure, _ context: DMIContext) -> [String] {
        let rendered = DMITextRenderer.render(DMIDecoder.record(s, context))
        return Array(rendered.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().dropLast(2))
            .map(String.init)
    }

    /// A structure built from its formatted bytes and strings.
    static func structure(_ formatted: [UInt8], _ strings: [String] = []) -> SMBIOSStructure {
        SMBIOSStructure(formatted: formatted, strings: strings.map { Array($0.utf8) }, offset: 0)
    }

    /// `s` cut to `length` formatted bytes, the length byte adjusted, as firmware of an older version writes it.
    static func cut(_ s: SMBIOSStructure, to length: Int) -> SMBIOSStructure {
        var formatted = Array(s.formatted.prefix(length))
        formatted[1] = UInt8(length)
        return SMBIOSStructure(formatted: formatted, strings: s.strings, offset: s.offset)
    }

    // MARK: Type 2

    @Test func baseboard_ofSuperMicroX9DBL_hasFeaturesChassisAndType() throws {
        let (table, boards) = try Self.structures(Self.superMicro, type: 2)
        let board = try #require(BaseboardInformation(boards[0], DMIContext(table: table)))
        #expect(board.handle == 0x0002)
        #expect(board.manufacturer == "Supermicro")
        #expect(board.productName == "X9DBL-3F/X9DBL-iF")
        #expect(board.version == "0123456789")
        #expect(board.serialNumber == "VM147S018307")
        #expect(board.assetTag == "To be filled by O.E.M.")
        #expect(board.features == ["Board is a hosting board", "Board is replaceable"])
        #expect(board.locationInChassis == "To be filled by O.E.M.")
        #expect(board.chassisHandle == 0x0003)
        #expect(board.type == "Motherboard")
        #expect(board.containedObjectHandles == [])
    }

    @Test func baseboard_of8ByteDellStructure_hasOnlyTheFirstFourStrings() throws {
        let (table, boards) = try Self.structures(Self.dell, type: 2)
        let context = DMIContext(table: table)
        let board = try #require(BaseboardInformation(boards[0], context))
        #expect(board.manufacturer == "Dell Inc.")
        #expect(board.productName == "02C2CP")
        #expect(board.serialNumber == ".790H8D2.CN7475162M0382.")
        #expect(board.assetTag == nil)
        #expect(board.features == [])
        #expect(board.chassisHandle == nil)
        #expect(board.type == nil)
        #expect(Self.text(boards[0], context) == [
            "Base Board Information",
            "\tManufacturer: Dell Inc.",
            "\tProduct Name: 02C2CP",
            "\tVersion: A00",
            "\tSerial Number: .790H8D2.CN7475162M0382.",
        ])
    }

    @Test func baseboard_handleCountBeyondTheStructure_listsNoHandles() {
        // Ten handles announced, room for one.
        let s = Self.structure([2, 0x11, 0x36, 0x12, 1, 2, 0, 0, 0, 0x09, 0, 0x03, 0x00, 0x0A, 10, 0x05, 0x00], ["ACME", "X1"])
        let board = BaseboardInformation(s, DMIContext(version: 0x0304))
        #expect(board?.containedObjectHandles == [])
        let text = Self.text(s, DMIContext(version: 0x0304))
        #expect(text.last == "\tType: Motherboard")
        #expect(!text.contains { $0.contains("Contained Object Handles") })
    }

    // MARK: Type 3

    @Test func chassis_ofDellR630_isA1URackMountWithLock() throws {
        let (table, chassis) = try Self.structures(Self.dell, type: 3)
        let c = try #require(ChassisInformation(chassis[0], DMIContext(table: table)))
        #expect(c.handle == 0x0300)
        #expect(c.manufacturer == "Dell Inc.")
        #expect(c.type == "Rack Mount Chassis")
        #expect(c.lock == "Present")
        #expect(c.version == nil)
        #expect(c.serialNumber == "790H8D2")
        #expect(c.bootUpState == "Safe")
        #expect(c.securityStatus == nil)  // "Unknown" is left out of the facts
        #expect(c.oemInformation == 0)
        #expect(c.heightU == 1)
        #expect(c.numberOfPowerCords == nil)
        #expect(c.containedElements == [])
        #expect(c.skuNumber == nil)
    }

    @Test func chassis_ofSuperMicroX9DBL_hasPowerCordsAndSKU() throws {
        let (table, chassis) = try Self.structures(Self.superMicro, type: 3)
        let c = try #require(ChassisInformation(chassis[0], DMIContext(table: table)))
        #expect(c.type == "Main Server Chassis")
        #expect(c.lock == "Not Present")
        #expect(c.assetTag == "To Be Filled By O.E.M.")
        #expect(c.heightU == nil)
        #expect(c.numberOfPowerCords == 1)
        #expect(c.skuNumber == "To be filled by O.E.M.")
    }

    @Test func chassis_containedElements_nameBoardAndStructureTypesWithRanges() {
        // Two 3-byte elements: board type 3 (Server Blade) 1-2, structure type 39 (Power Supply) 2-2; SKU string 2.
        let s = Self.structure([
            3, 0x1C, 0x00, 0x03, 1, 0x17, 0, 0, 0, 3, 3, 3, 3, 0, 0, 0, 0, 2, 2, 2, 3,
            0x03, 1, 2, 0x80 | 39, 2, 2, 2,
        ], ["ACME", "SKU-1"])
        let c = ChassisInformation(s, DMIContext(version: 0x0304))
        #expect(c?.containedElements == ["Server Blade (1-2)", "Power Supply (2)"])
        #expect(c?.skuNumber == "SKU-1")
        #expect(Self.text(s, DMIContext(version: 0x0304)).suffix(4) == [
            "\tContained Elements: 2", "\t\tServer Blade (1-2)", "\t\tPower Supply (2)", "\tSKU Number: SKU-1",
        ])
    }

    @Test func chassis_cutShort_printsOnlyWhatFits() throws {
        let (table, chassis) = try Self.structures(Self.dell, type: 3)
        let context = DMIContext(table: table)
        let short = Self.cut(chassis[0], to: 0x0B)
        #expect(Self.text(short, context) == [
            "Chassis Information",
            "\tManufacturer: Dell Inc.",
            "\tType: Rack Mount Chassis",
            "\tLock: Present",
            "\tVersion: Not Specified",
            "\tSerial Number: 790H8D2",
            "\tAsset Tag: Not Specified",
        ])
        let c = try #require(ChassisInformation(short, context))
        #expect(c.bootUpState == nil)
        #expect(c.heightU == nil)
        #expect(ChassisInformation(Self.cut(chassis[0], to: 0x08), context) == nil)
    }

    // MARK: Types 5 and 6

    @Test func memoryController_ofVMware_listsItsFifteenSlots() throws {
        let (table, controllers) = try Self.structures(Self.vmware, type: 5)
        let text = Self.text(controllers[0], DMIContext(table: table))
        #expect(text.contains("\tMaximum Memory Module Size: 32768 MB"))
        #expect(text.contains("\tMaximum Total Memory Size: 491520 MB"))
        #expect(text.contains("\tMemory Module Voltage: 3.3 V"))
        #expect(text.contains("\tAssociated Memory Slots: 15"))
        #expect(text.contains("\t\t0x0014"))
    }

    @Test func memoryModule_ofVMware_showsTypesFlatAndSizeWithBanks() throws {
        let (table, modules) = try Self.structures(Self.vmware, type: 6)
        let text = Self.text(modules[0], DMIContext(table: table))
        #expect(text.contains("\tSocket Designation: RAM socket #0"))
        #expect(text.contains("\tType: EDO DIMM"))
        #expect(text.contains("\tInstalled Size: 1024 MB (Single-bank Connection)"))
    }

    // MARK: Type 8

    @Test func portConnectors_ofDellR630_nameConnectorAndPortTypes() throws {
        let (table, ports) = try Self.structures(Self.dell, type: 8)
        let context = DMIContext(table: table)
        let models = ports.compactMap { PortConnector($0, context) }
        #expect(models.count == 11)
        let serial = try #require(models.first { $0.externalReferenceDesignator == "Serial port 1" })
        #expect(serial.handle == 0x0806)
        #expect(serial.internalReferenceDesignator == nil)
        #expect(serial.internalConnectorType == "None")
        #expect(serial.externalConnectorType == "DB-9 male")
        #expect(serial.portType == "Serial Port 16550A Compatible")
        let usb = try #require(models.first { $0.handle == 0x0802 })
        #expect(usb.internalReferenceDesignator == "Internal USB port 1")
        #expect(usb.internalConnectorType == "Access Bus (USB)")
        #expect(usb.portType == "USB")
    }

    // MARK: Type 9

    @Test func slot_ofDellR630_isAnX8PCIe3X16SlotWithBusAddress() throws {
        let (table, slots) = try Self.structures(Self.dell, type: 9)
        let context = DMIContext(table: table)
        let slot = try #require(SystemSlot(slots[0], context))
        #expect(slot.handle == 0x0900)
        #expect(slot.designation == "PCIe Slot 2")
        #expect(slot.type == "PCI Express 3 x16")
        #expect(slot.dataBusWidth == "x8")
        #expect(slot.currentUsage == "In Use")
        #expect(slot.length == "Long")
        #expect(slot.id == "2")
        #expect(slot.characteristics == ["3.3 V is provided", "PME signal is supported"])
        #expect(slot.busAddress == "0000:04:00.0")
        #expect(slot.dataBusWidthBits == nil)
        #expect(slot.peerDevices == [])
        #expect(slot.pciExpressGeneration == nil)
        #expect(Self.text(slots[0], context)[2] == "\tType: x8 PCI Express 3 x16")
    }

    @Test func slot_busAddress_isLowerCaseHex() throws {
        let (table, slots) = try Self.structures(Self.thinkCentre, type: 9)
        let context = DMIContext(table: table)
        #expect(slots.compactMap { SystemSlot($0, context)?.busAddress } == [
            "0000:00:01.0", "0000:00:1c.3", "0000:00:1c.4", "0000:00:1c.5", "0000:00:1c.6",
        ])
    }

    /// An SMBIOS 3.4 slot with one peer group (checked against dmidecode with the bytes wrapped in a dump).
    static let slot34: [UInt8] = [
        9, 0x1D, 0x34, 0x12, 1, 0xB6, 0x0D, 0x04, 0x04, 0x03, 0x00, 0x04, 0x01, 0x00, 0x00, 0x65, 0x08, 0x10, 0x01,
        0x00, 0x00, 0x65, 0x09, 0x08, 0x03, 0x0D, 0xF0, 0x07, 0x03,
    ]

    @Test func slot_withSMBIOS34Fields_decodesPeersGenerationPitchAndHeight() throws {
        let s = Self.structure(Self.slot34, ["SLOT1"])
        let context = DMIContext(version: 0x0304)
        let slot = try #require(SystemSlot(s, context))
        #expect(slot.busAddress == "0000:65:01.0")
        #expect(slot.dataBusWidthBits == 16)
        #expect(slot.peerDevices == ["0000:65:01.1 (Width 8)"])
        #expect(slot.pciExpressGeneration == 3)
        #expect(slot.slotPhysicalWidth == "x16")
        #expect(slot.pitchMillimeters == 20.32)
        #expect(slot.height == "Full height")
        #expect(Self.text(s, context) == [
            "System Slot Information",
            "\tDesignation: SLOT1",
            "\tType: x16 PCI Express 3 x16",
            "\tCurrent Usage: In Use",
            "\tLength: Long",
            "\tID: 3",
            "\tCharacteristics:",
            "\t\t3.3 V is provided",
            "\t\tPME signal is supported",
            "\tBus Address: 0000:65:01.0",
            "\tData Bus Width: 16",
            "\tPeer Devices: 1",
            "\tPeer Device 1: 0000:65:01.1 (Width 8)",
            "\tPCI Express Generation: 3",
            "\tSlot Physical Width: x16",
            "\tPitch: 20.32 mm",
            "\tHeight: Full height",
        ])
    }

    @Test func slot_peerCountBeyondTheStructure_stopsAfterTheCount() {
        var bytes = Self.slot34
        bytes[0x12] = 9  // 45 bytes of peer groups announced in a 29-byte structure
        let s = Self.structure(bytes, ["SLOT1"])
        let slot = SystemSlot(s, DMIContext(version: 0x0304))
        #expect(slot?.peerDevices == [])
        #expect(slot?.pciExpressGeneration == nil)
        #expect(slot?.height == nil)
        #expect(Self.text(s, DMIContext(version: 0x0304)).last == "\tPeer Devices: 9")
    }

    // MARK: Types 11 and 12

    @Test func oemStringsAndOptions_ofDellR630() throws {
        let table = try Self.table(Self.dell)
        let oem = try #require(table.structures(ofType: 11).first)
        #expect(OEMStrings.strings(oem) == [
            "Dell System", "5[0000]", "14[1]", "17[B85DD5313CC8D460]", "17[FFFFFFFFFFFFFFFF]", "18[0]", "19[1]",
            "19[?]",
        ])
        let options = try #require(table.structures(ofType: 12).first)
        #expect(SystemConfigurationOptions.options(options) == [
            "NVRAM_CLR: Clear user settable NVRAM areas and set defaults", "PWRD_EN: Close to enable password",
        ])
    }

    @Test func oemStrings_countBeyondTheStringSet_printsBadIndexAndKeepsTheRealOnes() {
        let s = Self.structure([11, 5, 0x00, 0x0B, 3], ["one", "two"])
        #expect(OEMStrings.strings(s) == ["one", "two"])
        #expect(Self.text(s, DMIContext(version: 0x0304)) == [
            "OEM Strings", "\tString 1: one", "\tString 2: two", "\tString 3: <BAD INDEX>",
        ])
        #expect(OEMStrings.strings(Self.structure([11, 4, 0x00, 0x0B], ["one"])) == [])
    }

    // MARK: Types 13-15

    @Test func languageDescriptionFormat_appearsFromSMBIOS21() {
        var bytes: [UInt8] = [13, 0x16, 0x00, 0x0D, 2, 0x01] + [UInt8](repeating: 0, count: 15) + [2]
        bytes[1] = UInt8(bytes.count)
        let s = Self.structure(bytes, ["en|US|iso8859-1", "fr|FR|iso8859-1"])
        let expected = [
            "BIOS Language Information",
            "\tLanguage Description Format: Abbreviated",
            "\tInstallable Languages: 2",
            "\t\ten|US|iso8859-1",
            "\t\tfr|FR|iso8859-1",
            "\tCurrently Installed Language: fr|FR|iso8859-1",
        ]
        #expect(Self.text(s, DMIContext(version: 0x0201)) == expected)
        #expect(Self.text(s, DMIContext(version: 0x0200)) == expected.enumerated().filter { $0.offset != 1 }.map(\.element))
    }

    @Test func groupAssociations_listItemsWithStructureTypeNames() {
        let s = Self.structure([14, 0x0B, 0x00, 0x0E, 1, 4, 0x04, 0x00, 0x81, 0x05, 0x01], ["Cpu Module"])
        #expect(Self.text(s, DMIContext(version: 0x0304)) == [
            "Group Associations", "\tName: Cpu Module", "\tItems: 2", "\t\t0x0004 (Processor)",
            "\t\t0x0105 (OEM-specific)",
        ])
    }

    @Test func eventLog_ofThinkCentre_decodesAccessAndDescriptors() throws {
        let (table, logs) = try Self.structures(Self.thinkCentre, type: 15)
        let text = Self.text(logs[0], DMIContext(table: table))
        #expect(text[1...6] == [
            "\tArea Length: 4096 bytes",
            "\tHeader Start Offset: 0x0000",
            "\tHeader Length: 16 bytes",
            "\tData Start Offset: 0x0010",
            "\tAccess Method: Memory-mapped physical 32-bit address",
            "\tAccess Address: 0x9B395018",
        ])
        #expect(text.contains("\tSupported Log Type Descriptors: 25"))
        #expect(text.contains("\tDescriptor 1: Single-bit ECC memory error"))
        #expect(text.contains("\tData Format 2: Multiple-event handle"))
    }

    @Test func eventLog_dataBeforeHeader_showsTheUnsignedDifference() {
        #expect(SystemEventLogDecoder.headerLength(headerStart: 0x10, dataStart: 0x10) == nil)
        #expect(SystemEventLogDecoder.headerLength(headerStart: 0, dataStart: 1) == "1 byte")
        #expect(SystemEventLogDecoder.headerLength(headerStart: 0x10, dataStart: 0) == "4294967280 byte")
    }

    // MARK: Malformed input

    @Test func everyDecoder_onEveryCutOfARealStructure_printsOnlyTheTitleAndLinesThatFit() throws {
        let fixtures = [Self.dell, Self.superMicro, Self.thinkCentre, Self.vmware]
        for fixture in fixtures {
            let table = try Self.table(fixture)
            let context = DMIContext(table: table)
            for s in table.structures where [2, 3, 5, 6, 8, 9, 11, 12, 13, 14, 15].contains(s.type) {
                let full = Self.text(s, context)
                for length in 4..<s.length {
                    let text = Self.text(Self.cut(s, to: length), context)
                    #expect(!text.isEmpty && text[0] == full[0])
                    #expect(text.count <= full.count)
                }
                // The header alone: just the title, no model.
                #expect(Self.text(Self.cut(s, to: 4), context).count == 1)
                let header = Self.cut(s, to: 4)
                #expect(BaseboardInformation(header, context) == nil)
                #expect(ChassisInformation(header, context) == nil)
                #expect(PortConnector(header, context) == nil)
                #expect(SystemSlot(header, context) == nil)
            }
        }
    }
}
