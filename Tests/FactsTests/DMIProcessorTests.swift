import Foundation
import Testing
@testable import Facts

/// Types 4 (Processor), 7 (Cache) and 44 (Processor Additional Information). Expected values were read
/// from `dmidecode --from-dump` (3.4) on the same dumps, or on synthetic dumps holding the same structures.
@Suite struct DMIProcessorTests {
    static func table(_ fixture: String) throws -> SMBIOSTable {
        try Fixtures.dmiTable(fixture)
    }

    static func structures(_ fixture: String, type: UInt8) throws -> (DMIContext, [SMBIOSStructure]) {
        let table = try table(fixture)
        return (DMIContext(table: table), table.structures.filter { $0.type == type })
    }

    static func text(_ s: SMBIOSStructure, _ context: DMIContext) -> String {
        DMITextRenderer.render(DMIDecoder.record(s, context))
    }

    /// A structure from its formatted area after the 4-byte header, with handle 0x0100.
    static func structure(type: UInt8, _ body: [UInt8], strings: [String] = []) -> SMBIOSStructure {
        SMBIOSStructure(
            formatted: [type, UInt8(4 + body.count), 0x00, 0x01] + body,
            strings: strings.map { Array($0.utf8) }, offset: 0)
    }

    /// A 0x30-byte type 4 body (after the header) with the fields the tests change.
    static func processorBody(
        family: UInt8, id: [UInt8], voltage: UInt8 = 0x8C, characteristics: UInt16 = 0x00FC, family2: UInt16 = 0
    ) -> [UInt8] {
        var b = [UInt8](repeating: 0, count: 0x30 - 4)
        func put(_ offset: Int, _ bytes: [UInt8]) { b.replaceSubrange(offset - 4..<offset - 4 + bytes.count, with: bytes) }
        put(0x04, [1, 3, family, 2])
        put(0x08, id)
        put(0x10, [3, voltage, 100, 0, 0x10, 0x0E, 0x60, 0x09, 0x41, 0x2B])
        put(0x1A, [0x10, 0x00, 0x11, 0x00, 0xFF, 0xFF, 0, 0, 0, 4, 4, 8])
        put(0x26, [UInt8(characteristics & 0xFF), UInt8(characteristics >> 8), UInt8(family2 & 0xFF), UInt8(family2 >> 8)])
        return b
    }

    // MARK: type 4 on real dumps

    @Test func intelXeon_modelMatchesDmidecode() throws {
        let (context, cpus) = try Self.structures("dmi/u-root/SuperMicro-X9DBL.bin", type: 4)
        #expect(cpus.count == 2)
        let cpu = try #require(ProcessorInformation(cpus[0], context))
        #expect(cpu.handle == 0x0004)
        #expect(cpu.socketDesignation == "SOCKET 0")
        #expect(cpu.type == "Central Processor")
        #expect(cpu.family == "Xeon")
        #expect(cpu.manufacturer == "Intel")
        #expect(cpu.id == "E4 06 03 00 FF FB EB BF")
        #expect(cpu.signature == "Type 0, Family 6, Model 62, Stepping 4")
        #expect(cpu.flags?.count == 28)
        #expect(cpu.flags?.first == "FPU (Floating-point unit on-chip)")
        #expect(cpu.flags?.last == "PBE (Pending break enabled)")
        #expect(cpu.version == "Intel(R) Xeon(R) CPU E5-2403 v2 @ 1.80GHz")
        #expect(cpu.voltageVolts == .current(0.0))
        #expect(cpu.externalClockHz == 100_000_000)
        #expect(cpu.maxSpeedHz == 4_000_000_000)
        #expect(cpu.currentSpeedHz == 1_800_000_000)
        #expect(cpu.socketPopulated)
        #expect(cpu.status == "Enabled")
        #expect(cpu.upgrade == "Socket LGA2011")
        #expect(cpu.l1CacheHandle == 0x0005)
        #expect(cpu.l2CacheHandle == 0x0006)
        #expect(cpu.l3CacheHandle == 0x0007)
        #expect(cpu.serialNumber == nil)
        #expect(cpu.assetTag == "62B5CED09D1D555C")
        #expect(cpu.partNumber == nil)
        #expect(cpu.coreCount == 4)
        #expect(cpu.coreEnabled == 4)
        #expect(cpu.threadCount == 4)
        #expect(cpu.threadEnabled == nil)
        #expect(cpu.characteristics == [
            "64-bit capable", "Multi-Core", "Execute Protection", "Enhanced Virtualization", "Power/Performance Control",
        ])
    }

    @Test func amdRyzen_signatureUsesExtendedFamily() throws {
        let (context, cpus) = try Self.structures("dmi/derived/go-smbios-ASRock-Single-Ryzen.bin", type: 4)
        let cpu = try #require(cpus.first.flatMap { ProcessorInformation($0, context) })
        #expect(cpu.family == "Zen")
        #expect(cpu.manufacturer == "Advanced Micro Devices, Inc.")
        #expect(cpu.id == "10 0F A2 00 FF FB 8B 17")
        #expect(cpu.signature == "Family 25, Model 33, Stepping 0")
        #expect(cpu.voltageVolts == .current(1.1))
        #expect(cpu.maxSpeedHz == 4_950_000_000)
        #expect(cpu.upgrade == "Socket AM4")
        #expect(cpu.l3CacheHandle == 0x0012)
    }

    @Test func emptySocket_isUnpopulatedWithoutCachesOrCounts() throws {
        let (context, cpus) = try Self.structures("dmi/derived/go-smbios-Dell-PowerEdge-R630-Dual-Xeon.bin", type: 4)
        let cpu = try #require(cpus.last.flatMap { ProcessorInformation($0, context) })
        #expect(cpu.socketDesignation == "CPU2")
        #expect(!cpu.socketPopulated)
        #expect(cpu.status == nil)
        #expect(cpu.family == nil)
        #expect(cpu.manufacturer == nil)
        #expect(cpu.signature == nil)
        #expect(cpu.flags == nil)
        #expect(cpu.voltageVolts == nil)
        #expect(cpu.currentSpeedHz == nil)
        #expect(cpu.maxSpeedHz == 4_000_000_000)
        #expect(cpu.l1CacheHandle == nil && cpu.l2CacheHandle == nil && cpu.l3CacheHandle == nil)
        #expect(cpu.coreCount == nil)
        #expect(cpu.characteristics.isEmpty)
        let text = Self.text(cpus.last!, context)
        #expect(text.contains("\tStatus: Unpopulated\n"))
        #expect(text.contains("\tL1 Cache Handle: Not Provided\n"))
        #expect(text.hasSuffix("\tCharacteristics: None\n\n"))
    }

    // MARK: type 4 special cases (expected text from dmidecode on synthetic dumps)

    @Test func family0xBE_dependsOnManufacturer() {
        let context = DMIContext(version: 0x0305)
        func family(_ manufacturer: String?) -> String {
            let strings = ["CPU0", manufacturer ?? "", "Version"]
            var body = Self.processorBody(family: 0xBE, id: [0xC3, 6, 3, 0, 0xFF, 0xFB, 0xEB, 0xBF])
            if manufacturer == nil { body[0x07 - 4] = 0 }
            return ProcessorInformationDecoder.family(Self.structure(type: 4, body, strings: strings), context)
        }
        #expect(family("Intel(R) Corporation") == "Core 2")
        #expect(family("intel corp") == "Core 2")
        #expect(family("AuthenticAMD") == "K7")
        #expect(family("amd corp") == "K7")
        #expect(family("Foo") == "Core 2 or K7")
        #expect(family(nil) == "Core 2 or K7")
    }

    @Test func family0x30_isPentiumProOnlyForIntelInSMBIOS20() {
        let s = Self.structure(type: 4, Self.processorBody(family: 0x30, id: [UInt8](repeating: 0, count: 8)),
                               strings: ["CPU0", "Intel(R) Corporation", "Version"])
        #expect(ProcessorInformationDecoder.family(s, DMIContext(version: 0x0200)) == "Pentium Pro")
        #expect(ProcessorInformationDecoder.family(s, DMIContext(version: 0x0201)) == "Alpha")
    }

    @Test func armFamily2_signatureFromMIDROrSoCID() throws {
        let context = DMIContext(version: 0x0305)
        let midr = Self.structure(type: 4, Self.processorBody(
            family: 0xFE, id: [0x40, 0xD0, 0x1F, 0x41, 0, 0, 0, 0], characteristics: 0x0004, family2: 0x101),
            strings: ["CPU0", "ARM", "Version"])
        let arm = try #require(ProcessorInformation(midr, context))
        #expect(arm.family == "ARMv8")
        #expect(arm.signature == "Implementor 0x41, Variant 0x1, Architecture 15, Part 0xd04, Revision 0")
        #expect(arm.flags == nil)
        #expect(!Self.text(midr, context).contains("Flags"))

        let socID = Self.structure(type: 4, Self.processorBody(
            family: 0xFE, id: [0x40, 0xD0, 0x1F, 0x41, 0x05, 0, 0, 0x01], characteristics: 0x0204, family2: 0x118),
            strings: ["CPU0", "ARM", "Version"])
        let soc = try #require(ProcessorInformation(socID, context))
        #expect(soc.family == "ARM")
        #expect(soc.signature == "JEP-106 Bank 0x41 Manufacturer 0x1f, SoC ID 0xd040, SoC Revision 0x01000005")
        #expect(soc.characteristics == ["64-bit capable", "Arm64 SoC ID"])
    }

    @Test func legacyVoltage_isAListInTextAndJSON() throws {
        let s = Self.structure(type: 4, Self.processorBody(
            family: 0xB3, id: [0xC3, 6, 3, 0, 0xFF, 0xFB, 0xEB, 0xBF], voltage: 0x03), strings: ["CPU0", "Intel", "V"])
        let cpu = try #require(ProcessorInformation(s, DMIContext(version: 0x0305)))
        #expect(cpu.voltageVolts == .supported([5.0, 3.3]))
        #expect(Self.text(s, DMIContext(version: 0x0305)).contains("\tVoltage: 5.0 V 3.3 V\n"))
        #expect(ProcessorVoltage.text(code: 0x06) == "3.3 V 2.9 V")
        #expect(ProcessorVoltage.text(code: 0xFF) == "12.7 V")
        #expect(ProcessorVoltage.text(code: 0x08) == "Unknown")
        let json = String(decoding: try JSONEncoder().encode(cpu.voltageVolts), as: UTF8.self)
        #expect(json == "[5,3.3]")
        #expect(try JSONDecoder().decode(ProcessorVoltage.self, from: Data(json.utf8)) == .supported([5.0, 3.3]))
    }

    @Test func reservedFlagBitsOnly_printFlagsNone() throws {
        // Bits 10, 20 and 30 have no name: with only those set, dmidecode says "None".
        let s = Self.structure(type: 4, Self.processorBody(
            family: 0xB3, id: [0, 0, 0, 0, 0x00, 0x04, 0x10, 0x40]), strings: ["CPU0", "Intel", "V"])
        let context = DMIContext(version: 0x0305)
        #expect(ProcessorInformation(s, context)?.flags == [])
        #expect(Self.text(s, context).contains("\tFlags: None\n\tVersion: V\n"))
    }

    @Test func coreCount2_isUsedOnlyWhenTheStructureHoldsIt() throws {
        var body = Self.processorBody(family: 0xB3, id: [UInt8](repeating: 0, count: 8))
        body.replaceSubrange(0x23 - 4...0x25 - 4, with: [0xFF, 0xFF, 0xFF])
        body.replaceSubrange(0x2A - 4..<0x30 - 4, with: [0x2C, 0x01, 0x22, 0x01, 0x58, 0x02])
        let context = DMIContext(version: 0x0305)
        let full = try #require(ProcessorInformation(Self.structure(type: 4, body), context))
        #expect(full.coreCount == 300)
        #expect(full.coreEnabled == 290)
        #expect(full.threadCount == 600)
        // 0x2E bytes: Core Count 2 and Core Enabled 2 are there, Thread Count 2 is not.
        let cut = try #require(ProcessorInformation(Self.structure(type: 4, Array(body.prefix(0x2E - 4))), context))
        #expect(cut.coreCount == 300)
        #expect(cut.coreEnabled == 290)
        #expect(cut.threadCount == 255)
    }

    // MARK: type 7

    @Test func cache31_usesCacheSize2AndMapsEnums() throws {
        let (context, caches) = try Self.structures("dmi/derived/go-smbios-ASRock-Single-Ryzen.bin", type: 7)
        #expect(caches.count == 3)
        // Found through the processor's L3 handle.
        let cpu = try #require(try Self.structures("dmi/derived/go-smbios-ASRock-Single-Ryzen.bin", type: 4).1.first)
        let handle = try #require(ProcessorInformation(cpu, context)?.l3CacheHandle)
        let l3 = try #require(caches.first { $0.handle == handle }.flatMap { CacheInformation($0, context) })
        #expect(l3.socketDesignation == "L3 - Cache")
        #expect(l3.level == 3)
        #expect(l3.enabled)
        #expect(!l3.socketed)
        #expect(l3.operationalMode == "Write Back")
        #expect(l3.location == "Internal")
        #expect(l3.installedSizeBytes == 64 << 20)
        #expect(l3.maximumSizeBytes == 64 << 20)
        #expect(l3.supportedSRAMTypes == ["Pipeline Burst"])
        #expect(l3.installedSRAMType == "Pipeline Burst")
        #expect(l3.speedNs == 1)
        #expect(l3.errorCorrectionType == "Multi-bit ECC")
        #expect(l3.systemType == "Unified")
        #expect(l3.associativity == "16-way Set-associative")
        let l1 = try #require(CacheInformation(caches[0], context))
        #expect(l1.installedSizeBytes == 768 << 10)
    }

    @Test func cache21_renderedTextMatchesDmidecode() throws {
        let (context, caches) = try Self.structures("dmi/u-root/SuperMicro-X9DBL.bin", type: 7)
        let l1 = try #require(caches.first)
        #expect(Self.text(l1, context) == """
            Handle 0x0005, DMI type 7, 19 bytes
            Cache Information
            \tSocket Designation: L1 Cache
            \tConfiguration: Enabled, Not Socketed, Level 1
            \tOperational Mode: Write Back
            \tLocation: Internal
            \tInstalled Size: 256 kB
            \tMaximum Size: 256 kB
            \tSupported SRAM Types:
            \t\tUnknown
            \tInstalled SRAM Type: Unknown
            \tSpeed: Unknown
            \tError Correction Type: Parity
            \tSystem Type: Other
            \tAssociativity: 8-way Set-associative


            """)
        let model = try #require(CacheInformation(l1, context))
        #expect(model.installedSRAMType == nil)
        #expect(model.speedNs == nil)
        #expect(model.supportedSRAMTypes == ["Unknown"])
    }

    @Test func cacheSizeGranularity_bit15And31Mean64kBUnits() throws {
        #expect(CacheInformationDecoder.sizeKB(UInt16(0x8010)) == 1024)
        #expect(CacheInformationDecoder.sizeKB(UInt16(0x7FFF)) == 32767)
        #expect(CacheInformationDecoder.sizeKB(UInt32(0x8000_4000)) == 1 << 20)
        #expect(CacheInformationDecoder.sizeKB(UInt32(0xFFFF_FFFF)) == UInt64(0x7FFF_FFFF) << 6)
        // dmidecode: "Installed Size: 131071 GB", "Maximum Size: 2047 GB"
        #expect(DMIFormat.memorySize(CacheInformationDecoder.sizeKB(UInt32(0xFFFF_FFFF)), shift: 1) == "131071 GB")
        #expect(DMIFormat.memorySize(CacheInformationDecoder.sizeKB(UInt32(0x7FFF_FFFF)), shift: 1) == "2047 GB")
    }

    // MARK: type 44

    @Test func processorAdditionalInformation_isShownRawAsDmidecode34Does() throws {
        let (context, structures) = try Self.structures("dmi/go-smbios/Beelink-EQ12.dmi", type: 44)
        let s = try #require(structures.first)
        #expect(Self.text(s, context) == """
            Handle 0x0025, DMI type 44, 9 bytes
            Unknown Type
            \tHeader and Data:
            \t\t2C 09 25 00 00 00 01 01 00


            """)
    }

    // MARK: malformed input

    @Test func truncatedStructures_printOnlyWhatFits() throws {
        let (context, cpus) = try Self.structures("dmi/u-root/SuperMicro-X9DBL.bin", type: 4)
        let cpu = try #require(cpus.first)
        func cut(_ s: SMBIOSStructure, _ length: Int) -> SMBIOSStructure {
            var formatted = Array(s.formatted.prefix(length))
            formatted[1] = UInt8(length)
            return SMBIOSStructure(formatted: formatted, strings: s.strings, offset: s.offset)
        }
        // Too short for the 2.0 fields: only the title.
        #expect(ProcessorInformation(cut(cpu, 0x19), context) == nil)
        #expect(DMIDecoder.record(cut(cpu, 0x19), context).lines == [.title("Processor Information")])
        // 2.0 fields only: ends with Upgrade.
        let short = DMIDecoder.record(cut(cpu, 0x1A), context).lines
        #expect(short.last == .attr("Upgrade", "Socket LGA2011"))
        #expect(ProcessorInformation(cut(cpu, 0x1A), context)?.l1CacheHandle == nil)
        // 2.3 fields without the 2.5 counts: ends with Part Number.
        #expect(DMIDecoder.record(cut(cpu, 0x27), context).lines.last == .attr("Part Number", "Not Specified"))

        let (_, caches) = try Self.structures("dmi/u-root/SuperMicro-X9DBL.bin", type: 7)
        let cache = try #require(caches.first)
        #expect(DMIDecoder.record(cut(cache, 0x0E), context).lines == [.title("Cache Information")])
        #expect(DMIDecoder.record(cut(cache, 0x12), context).lines.last == .attr("Installed SRAM Type", "Unknown"))

        // No length may trap, whatever the bytes say.
        for s in [cpu, cache] {
            for length in 4...s.length {
                _ = DMIDecoder.record(cut(s, length), context)
            }
        }
        var noisy = Self.processorBody(family: 0xFE, id: [UInt8](repeating: 0xFF, count: 8), characteristics: 0xFFFF)
        noisy.replaceSubrange(0x23 - 4...0x25 - 4, with: [0xFF, 0xFF, 0xFF])
        for length in 4...(noisy.count + 4) {
            let s = Self.structure(type: 4, Array(noisy.prefix(length - 4)), strings: [])
            _ = DMIDecoder.record(s, context)
            _ = ProcessorInformation(s, context)
        }
    }

    @Test func badStringIndex_isShownAndLeftOutOfTheModel() throws {
        var body = Self.processorBody(family: 0xB3, id: [UInt8](repeating: 0, count: 8))
        body[0x07 - 4] = 9
        let s = Self.structure(type: 4, body, strings: ["CPU0", "Intel", "V"])
        let context = DMIContext(version: 0x0305)
        #expect(ProcessorInformation(s, context)?.manufacturer == nil)
        #expect(Self.text(s, context).contains("\tManufacturer: <BAD INDEX>\n"))
    }
}
