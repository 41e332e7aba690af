import Testing
@testable import Facts

/// The value formats lscpu prints: sizes, frequencies, vulnerability texts, ARM names.
@Suite struct CPUFormatTests {
    @Test func humanSizes_oneDecimalRoundedHalfUp_trailingZeroDropped() {
        #expect(CFormat.humanSize(512) == "512 B")
        #expect(CFormat.humanSize(32 * 1024) == "32 KiB")
        #expect(CFormat.humanSize(1536 * 1024) == "1.5 MiB")
        #expect(CFormat.humanSize(48 * 48 * 1024 * 1024 / 48) == "48 MiB")
        #expect(CFormat.humanSize(5 * 1024 * 1024 + 1024 * 1024 / 10) == "5.1 MiB")
        #expect(CFormat.humanSize(5 * 1024 * 1024 + 1024 * 1024 / 20) == "5 MiB")
        #expect(CFormat.humanSize(1024 * 1024 - 1) == "1024 KiB")
    }

    @Test func printfFormats_roundLikeC() {
        #expect(CFormat.string("%.4f", Double(Float(307200) / 1000)) == "307.2000")
        #expect(CFormat.string("%.0f%%", 49.5) == "50%")
    }

    @Test func vulnerabilityText_mitigationColonBecomesSemicolon_otherColonsGo() {
        let vulnerability = CPUInventory.Vulnerability(
            file: "spectre_v2", name: "Spectre v2", text: "Mitigation: Retpolines; STIBP: disabled")
        #expect(vulnerability.lscpuText == "Mitigation; Retpolines; STIBP disabled")
        let plain = CPUInventory.Vulnerability(file: "mds", name: "Mds", text: "Vulnerable: Clear CPU buffers attempted")
        #expect(plain.lscpuText == "Vulnerable: Clear CPU buffers attempted")
    }

    @Test func armIDs_decodeVendorModelAndRevision() {
        var info = CPUInfo.CPUType()
        info.vendor = "0x41"
        info.model = "0xd0c"
        info.stepping = "0x3"
        info.revision = "1"
        var type = CPUInventory.CPUType(info)
        ARMCPUTable.decode(&type)
        #expect(type.vendor == "ARM" && type.modelName == "Neoverse-N1" && type.stepping == "r3p1")
        info.vendor = "0x51"
        info.model = "0x805"
        var qualcomm = CPUInventory.CPUType(info)
        ARMCPUTable.decode(&qualcomm)
        #expect(qualcomm.vendor == "Qualcomm" && qualcomm.modelName == "Kryo-4XX-Silver" && qualcomm.stepping == "0x3")
        info.vendor = "GenuineIntel"
        var intel = CPUInventory.CPUType(info)
        ARMCPUTable.decode(&intel)
        #expect(intel.vendor == "GenuineIntel" && intel.modelName == nil)
    }

    @Test func addressSizes_parseIntoBits() {
        #expect(CPUFacts.addressSizes("46 bits physical, 48 bits virtual") == CPUFacts.AddressSizes(physicalBits: 46, virtualBits: 48))
        #expect(CPUFacts.addressSizes("garbage") == nil)
    }
}
