import Testing
@testable import Facts

/// Types 21-39: probes, management devices, IPMI and boot information.
@Suite struct DMIProbesTests {
    /// The structures of a `dmidecode --dump-bin` fixture.
    static func table(_ fixture: String) throws -> SMBIOSTable {
        try Fixtures.dmiTable(fixture)
    }

    static func structure(_ table: SMBIOSTable, handle: UInt16) throws -> SMBIOSStructure {
        try #require(table.structures.first { $0.handle == handle })
    }

    /// A structure made of its type, handle, the bytes after the header and its strings.
    static func structure(type: UInt8, handle: UInt16 = 0x0100, body: [UInt8], strings: [String] = []) -> SMBIOSStructure {
        let header: [UInt8] = [type, UInt8(4 + body.count), UInt8(handle & 0xFF), UInt8(handle >> 8)]
        return SMBIOSStructure(formatted: header + body, strings: strings.map { Array($0.utf8) }, offset: 0)
    }

    static func text(_ s: SMBIOSStructure, _ context: DMIContext = DMIContext(version: 0x0303)) -> String {
        DMITextRenderer.render(DMIDecoder.record(s, context))
    }

    @Test func ipmiKCSWithInterrupt_onDellR630() throws {
        let table = try Self.table("dmi/derived/go-smbios-Dell-PowerEdge-R630-Dual-Xeon.bin")
        let s = try Self.structure(table, handle: 0x2600)
        let ipmi = try #require(IPMIDeviceInformation(s, DMIContext(table: table)))
        #expect(ipmi.handle == 0x2600)
        #expect(ipmi.interfaceType == "KCS (Keyboard Control Style)")
        #expect(ipmi.specificationVersion == "2.0")
        #expect(ipmi.i2cSlaveAddress == 0x10)
        #expect(ipmi.nvStorageDeviceAddress == nil)
        #expect(ipmi.baseAddress == 0xCA8)
        #expect(ipmi.baseAddressSpace == "I/O")
        #expect(ipmi.registerSpacing == "32-bit Boundaries")
        #expect(ipmi.interruptPolarity == "Active High")
        #expect(ipmi.interruptTriggerMode == "Edge")
        #expect(ipmi.interruptNumber == 10)
    }

    @Test func ipmiKCSWithoutInterrupt_onSuperMicroX9DBL() throws {
        let table = try Self.table("dmi/u-root/SuperMicro-X9DBL.bin")
        let ipmi = try #require(table.structures(ofType: 38).compactMap { IPMIDeviceInformation($0, DMIContext(table: table)) }.first)
        #expect(ipmi.interfaceType == "KCS (Keyboard Control Style)")
        #expect(ipmi.baseAddress == 0xCA2)
        #expect(ipmi.baseAddressSpace == "I/O")
        #expect(ipmi.registerSpacing == "Successive Byte Boundaries")
        #expect(ipmi.interruptPolarity == nil && ipmi.interruptTriggerMode == nil && ipmi.interruptNumber == nil)
    }

    @Test func ipmiSSIFAndBT_baseAddressesAsDmidecodeShowsThem() {
        let ssif = Self.structure(type: 38, body: [0x04, 0x20, 0x20, 0xFF, 0x84, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x00])
        let model = IPMIDeviceInformation(ssif, DMIContext(version: 0x0303))
        #expect(model?.baseAddress == 0x42)
        #expect(model?.baseAddressSpace == "SMBus")
        #expect(model?.registerSpacing == nil)
        #expect(Self.text(ssif).contains("\tBase Address: 0x42 (SMBus)\n"))

        // Memory flag clear in the address, LSB 1 from the modifier, interrupt info present.
        let bt = Self.structure(type: 38, body: [0x03, 0x15, 0x22, 0x05, 0x00, 0x00, 0xD4, 0xFE, 0, 0, 0, 0, 0x9B, 11])
        let btModel = IPMIDeviceInformation(bt, DMIContext(version: 0x0303))
        #expect(btModel?.baseAddress == 0xFED40001)
        #expect(btModel?.baseAddressSpace == "Memory")
        #expect(btModel?.nvStorageDeviceAddress == 5)
        #expect(btModel?.specificationVersion == "1.5")
        #expect(Self.text(bt) == """
            Handle 0x0100, DMI type 38, 18 bytes
            IPMI Device Information
            \tInterface Type: BT (Block Transfer)
            \tSpecification Version: 1.5
            \tI2C Slave Address: 0x11
            \tNV Storage Device Address: 5
            \tBase Address: 0x00000000FED40001 (Memory-mapped)
            \tRegister Spacing: 16-byte Boundaries
            \tInterrupt Polarity: Active High
            \tInterrupt Trigger Mode: Level
            \tInterrupt Number: 11


            """)
    }

    @Test func ipmiCutShort_printsOnlyWhatFits() {
        let full: [UInt8] = [0x01, 0x20, 0x20, 0xFF, 0xA3, 0x0C, 0, 0, 0, 0, 0, 0, 0x19, 10]
        // 16 bytes: no modifier byte, so no LSB, spacing or interrupt.
        let short = Self.structure(type: 38, body: Array(full.prefix(12)))
        let model = IPMIDeviceInformation(short, DMIContext(version: 0x0303))
        #expect(model?.baseAddress == 0xCA2)
        #expect(model?.registerSpacing == nil && model?.interruptNumber == nil)
        // 17 bytes: the modifier's LSB counts, the rest still needs 18 bytes.
        let seventeen = Self.structure(type: 38, body: Array(full.prefix(13)))
        #expect(IPMIDeviceInformation(seventeen, DMIContext(version: 0x0303))?.baseAddress == 0xCA3)
        #expect(!Self.text(seventeen).contains("Register Spacing"))
        // 15 bytes: too short for the base address; only the title.
        let tooShort = Self.structure(type: 38, body: Array(full.prefix(11)))
        #expect(IPMIDeviceInformation(tooShort, DMIContext(version: 0x0303)) == nil)
        #expect(DMIDecoder.record(tooShort, DMIContext(version: 0x0303)).lines == [.title("IPMI Device Information")])
    }

    @Test func systemBootInformation_onDellR630() throws {
        let table = try Self.table("dmi/derived/go-smbios-Dell-PowerEdge-R630-Dual-Xeon.bin")
        let s = try Self.structure(table, handle: 0x2000)
        let boot = try #require(SystemBootInformation(s, DMIContext(table: table)))
        #expect(boot.handle == 0x2000)
        #expect(boot.status == "No errors detected")
        #expect(SystemBootInformation.status(200) == "Product-specific")
        #expect(SystemBootInformation.status(130) == "OEM-specific")
        #expect(SystemBootInformation.status(9) == "<OUT OF SPEC>")
        // Cut before the status byte.
        let short = Self.structure(type: 32, body: [0, 0, 0, 0, 0, 0])
        #expect(SystemBootInformation(short, DMIContext(version: 0x0303)) == nil)
        #expect(Self.text(short) == "Handle 0x0100, DMI type 32, 10 bytes\nSystem Boot Information\n\n")
    }

    @Test func managementDeviceLength16WithTextInside_isReadAs11Bytes() throws {
        let table = try Self.table("dmi/u-root/SuperMicro-X9DBL.bin")
        let s = try Self.structure(table, handle: 0x004E)
        #expect(s.length == 16)
        let record = DMIDecoder.record(s, DMIContext(table: table))
        #expect(record.length == 16)
        #expect(record.lines == [
            .title("Management Device"), .attr("Description", "LM78-2"), .attr("Type", "LM78"),
            .attr("Address", "0x00000000"), .attr("Address Type", "I/O Port"),
        ])
    }

    @Test func managementDeviceLength16WithBinaryTail_isNotFixedUp() {
        let s = Self.structure(
            type: 34, body: [1, 0x04, 0x78, 0x56, 0x34, 0x12, 0x05, 0x00, 0x01, 0x02, 0x03, 0x04], strings: ["LM75 #1"])
        #expect(ManagementDeviceDecoder.lengthFixedUp(s) == s)
        #expect(Self.text(s) == """
            Handle 0x0100, DMI type 34, 16 bytes
            Management Device
            \tDescription: LM75 #1
            \tType: LM78
            \tAddress: 0x12345678
            \tAddress Type: SMBus


            """)
    }

    @Test func probeReadings_signedFixedPointAndUnits() {
        // Voltage: max 5 V, min -1 V, resolution 1.5 mV, tolerance 5 mV, accuracy 1.5 %, nominal 3.3 V.
        let voltage = Self.structure(type: 26, body: [
            0x01, 0x63, 0x88, 0x13, 0x18, 0xFC, 0x0F, 0x00, 0x05, 0x00, 0x96, 0x00, 0xEF, 0xBE, 0xAD, 0xDE, 0xE4, 0x0C,
        ], strings: ["VCore"])
        #expect(Self.text(voltage) == """
            Handle 0x0100, DMI type 26, 22 bytes
            Voltage Probe
            \tDescription: VCore
            \tLocation: Processor
            \tStatus: OK
            \tMaximum Value: 5.000 V
            \tMinimum Value: -1.000 V
            \tResolution: 1.5 mV
            \tTolerance: 0.005 V
            \tAccuracy: 1.50%
            \tOEM-specific Information: 0xDEADBEEF
            \tNominal Value: 3.300 V


            """)
        // Temperature, 20 bytes (SMBIOS before 2.3 has no nominal value): max 90, min -5 deg C.
        let temperature = Self.structure(type: 28, body: [
            0x01, 0x67, 0x84, 0x03, 0xCE, 0xFF, 0x7D, 0x00, 0x05, 0x00, 0x00, 0x80, 0, 0, 0, 0,
        ], strings: ["CPU"])
        let lines = DMIDecoder.record(temperature, DMIContext(version: 0x0203)).lines
        #expect(lines.contains(.attr("Maximum Value", "90.0 deg C")))
        #expect(lines.contains(.attr("Minimum Value", "-5.0 deg C")))
        #expect(lines.contains(.attr("Resolution", "0.125 deg C")))
        #expect(lines.contains(.attr("Accuracy", "Unknown")))
        #expect(lines.last == .attr("OEM-specific Information", "0x00000000"))
    }

    @Test func probesOnSuperMicroX9DBL_unknownReadings() throws {
        let table = try Self.table("dmi/u-root/SuperMicro-X9DBL.bin")
        let record = DMIDecoder.record(try Self.structure(table, handle: 0x004B), DMIContext(table: table))
        #expect(record.lines.prefix(4) == [
            .title("Electrical Current Probe"), .attr("Description", "ABC"), .attr("Location", "<OUT OF SPEC>"),
            .attr("Status", "<OUT OF SPEC>"),
        ])
        #expect(record.lines.last == .attr("Nominal Value", "Unknown"))
    }

    @Test func portableBatteryWithSBDSFields_onThinkPadT480() throws {
        let table = try Self.table("dmi/u-root/Lenovo-ThinkPad-T480.bin")
        let s = try #require(table.structures(ofType: 22).first)
        let lines = DMIDecoder.record(s, DMIContext(table: table)).lines
        #expect(lines.contains(.attr("Design Capacity", "57000 mWh")))
        #expect(lines.contains(.attr("SBDS Serial Number", "070B")))
        #expect(lines.contains(.attr("SBDS Manufacture Date", "2019-02-09")))
        #expect(lines.contains(.attr("SBDS Chemistry", "LiP")))
        #expect(!lines.contains { if case .attr("Chemistry", _) = $0 { return true } else { return false } })
    }

    @Test func everyDecoderOfTheseTypes_survivesEveryCut() throws {
        // A real structure of each type cut at every length must never trap, and a structure cut below
        // its first field prints the title alone.
        let table = try Self.table("dmi/u-root/SuperMicro-X9DBL.bin")
        let thinkpad = try Self.table("dmi/u-root/Lenovo-ThinkPad-T480.bin")
        let samples = (table.structures + thinkpad.structures).filter { (21...39).contains($0.type) }
        #expect(Set(samples.map(\.type)).isSuperset(of: [21, 22, 24, 26, 27, 28, 29, 32, 34, 35, 36, 38, 39]))
        for s in samples {
            for length in 4...s.length {
                let cut = SMBIOSStructure(formatted: Array(s.formatted.prefix(length)), strings: s.strings, offset: 0)
                let record = DMIDecoder.record(cut, DMIContext(table: table))
                #expect(record.length == length)
                if length == 4 { #expect(record.lines.count == 1) }
            }
        }
    }

    @Test func decimal_formatsLikePrintfOfTheScaledValue() {
        #expect(DMIFormat.decimal(-5, places: 3) == "-0.005")
        #expect(DMIFormat.decimal(32767, places: 3) == "32.767")
        #expect(DMIFormat.decimal(65535, places: 1) == "6553.5")
        #expect(DMIFormat.decimal(0, places: 2) == "0.00")
        #expect(DMIFormat.decimal(-32768, places: 1) == "-3276.8")
    }
}
