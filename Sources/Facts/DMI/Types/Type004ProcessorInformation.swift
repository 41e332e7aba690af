/// SMBIOS 7.5 Processor Information (type 4).
public struct ProcessorInformation: Sendable, Equatable, Codable {
    public var handle: UInt16
    public var socketDesignation: String?
    /// 7.5.1 ("Central Processor"); nil when "Unknown".
    public var type: String?
    /// 7.5.2, resolved through Processor Family 2 and the manufacturer for ambiguous codes; nil when "Unknown".
    public var family: String?
    public var manufacturer: String?
    /// The eight Processor ID bytes in upper-case hex separated by spaces ("A5 06 05 00 FF FB EB BF").
    public var id: String
    /// The decoded CPUID signature ("Type 0, Family 6, Model 165, Stepping 5"); nil when the family is
    /// not one whose ID field has a known layout.
    public var signature: String?
    /// CPUID leaf 1 EDX feature flags of an x86 processor; nil for other architectures.
    public var flags: [String]?
    public var version: String?
    public var voltageVolts: ProcessorVoltage?
    public var externalClockHz: UInt64?
    public var maxSpeedHz: UInt64?
    public var currentSpeedHz: UInt64?
    public var socketPopulated: Bool
    /// CPU status ("Enabled", "Disabled By BIOS"); nil when the socket is empty or the status is unknown.
    public var status: String?
    /// 7.5.5 ("Socket LGA1151"); nil when "Unknown".
    public var upgrade: String?
    /// Handles of the type 7 structures of each cache level; nil when not provided.
    public var l1CacheHandle: UInt16?
    public var l2CacheHandle: UInt16?
    public var l3CacheHandle: UInt16?
    public var serialNumber: String?
    public var assetTag: String?
    public var partNumber: String?
    /// Counts as the firmware gives them (Core Count 2 and friends when the byte says 0xFF); nil when unknown.
    public var coreCount: Int?
    public var coreEnabled: Int?
    public var threadCount: Int?
    /// SMBIOS 3.6 Thread Enabled; nil when absent or unknown.
    public var threadEnabled: Int?
    /// 7.5.9 processor characteristics that are set.
    public var characteristics: [String]

    public init?(_ s: SMBIOSStructure, _ context: DMIContext) {
        guard s.type == 4, s.length >= 0x1A else { return nil }
        typealias D = ProcessorInformationDecoder
        handle = s.handle
        socketDesignation = s.string(at: 0x04)!.value
        type = D.known(D.processorType(s.byte(0x05)!))
        family = D.known(D.family(s, context))
        manufacturer = s.string(at: 0x07)!.value
        id = s.bytes(0x08, 8)!.hexString
        let kind = CPUID.kind(s)
        signature = CPUID.signature(kind, s.bytes(0x08, 8)!)
        flags = D.flags(s, kind)
        version = s.string(at: 0x10)!.value
        voltageVolts = ProcessorVoltage(code: s.byte(0x11)!)
        externalClockHz = D.megahertz(s.word(0x12)!).map { UInt64($0) * 1_000_000 }
        maxSpeedHz = D.megahertz(s.word(0x14)!).map { UInt64($0) * 1_000_000 }
        currentSpeedHz = D.megahertz(s.word(0x16)!).map { UInt64($0) * 1_000_000 }
        let statusByte = s.byte(0x18)!
        socketPopulated = statusByte & 0x40 != 0
        status = socketPopulated ? D.known(D.cpuStatus(statusByte)) : nil
        upgrade = D.known(D.upgrade(s.byte(0x19)!))
        if s.length >= 0x20 {
            l1CacheHandle = D.cacheHandle(s.word(0x1A)!)
            l2CacheHandle = D.cacheHandle(s.word(0x1C)!)
            l3CacheHandle = D.cacheHandle(s.word(0x1E)!)
        }
        if s.length >= 0x23 {
            serialNumber = s.string(at: 0x20)!.value
            assetTag = s.string(at: 0x21)!.value
            partNumber = s.string(at: 0x22)!.value
        }
        characteristics = []
        if s.length >= 0x28 {
            coreCount = D.coreCount(s)
            coreEnabled = D.coreEnabled(s)
            threadCount = D.threadCount(s)
            characteristics = D.characteristics(s.word(0x26)!)
        }
        if let enabled = s.word(0x30), enabled != 0, enabled != 0xFFFF {
            threadEnabled = Int(enabled)
        }
    }
}

enum ProcessorInformationDecoder: DMIStructureDecoder {
    static let type: UInt8 = 4

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("Processor Information")
        guard let cpu = ProcessorInformation(s, context) else { return }
        out.attr("Socket Designation", s.string(at: 0x04)!.text)
        out.attr("Type", processorType(s.byte(0x05)!))
        out.attr("Family", family(s, context))
        out.attr("Manufacturer", s.string(at: 0x07)!.text)
        out.attr("ID", cpu.id)
        if let signature = cpu.signature { out.attr("Signature", signature) }
        if let flags = cpu.flags {
            if flags.isEmpty { out.listStart("Flags", "None") } else { out.list("Flags", flags) }
        }
        out.attr("Version", s.string(at: 0x10)!.text)
        out.attr("Voltage", ProcessorVoltage.text(code: s.byte(0x11)!))
        out.attr("External Clock", frequency(s.word(0x12)!))
        out.attr("Max Speed", frequency(s.word(0x14)!))
        out.attr("Current Speed", frequency(s.word(0x16)!))
        out.attr("Status", cpu.socketPopulated ? "Populated, \(cpuStatus(s.byte(0x18)!))" : "Unpopulated")
        out.attr("Upgrade", upgrade(s.byte(0x19)!))
        guard s.length >= 0x20 else { return }
        for (level, offset) in [("L1", 0x1A), ("L2", 0x1C), ("L3", 0x1E)] {
            let text: String
            if let handle = cacheHandle(s.word(offset)!) {
                text = "0x\(hex(handle, width: 4))"
            } else {
                text = context.atLeast(2, 3) ? "Not Provided" : "No \(level) Cache"
            }
            out.attr("\(level) Cache Handle", text)
        }
        guard s.length >= 0x23 else { return }
        out.attr("Serial Number", s.string(at: 0x20)!.text)
        out.attr("Asset Tag", s.string(at: 0x21)!.text)
        out.attr("Part Number", s.string(at: 0x22)!.text)
        guard s.length >= 0x28 else { return }
        if let count = cpu.coreCount { out.attr("Core Count", "\(count)") }
        if let count = cpu.coreEnabled { out.attr("Core Enabled", "\(count)") }
        if let count = cpu.threadCount { out.attr("Thread Count", "\(count)") }
        if cpu.characteristics.isEmpty {
            out.attr("Characteristics", "None")
        } else {
            out.list("Characteristics", cpu.characteristics)
        }
    }

    /// nil for "Unknown", which the fact model leaves out.
    static func known(_ name: String) -> String? { name == "Unknown" ? nil : name }

    static func megahertz(_ code: UInt16) -> UInt16? { code == 0 ? nil : code }

    static func frequency(_ code: UInt16) -> String {
        megahertz(code).map { "\($0) MHz" } ?? "Unknown"
    }

    static func cacheHandle(_ code: UInt16) -> UInt16? { code == 0xFFFF ? nil : code }

    /// 7.5.1
    static func processorType(_ code: UInt8) -> String {
        DMIFormat.name(Int(code), [
            "Other", "Unknown", "Central Processor", "Math Processor", "DSP Processor", "Video Processor",
        ])
    }

    /// Bits 2-0 of the status byte.
    static func cpuStatus(_ code: UInt8) -> String {
        ["Unknown", "Enabled", "Disabled By User", "Disabled By BIOS", "Idle", DMIFormat.outOfSpec,
         DMIFormat.outOfSpec, "Other"][Int(code & 0x07)]
    }

    /// 7.5.5
    static func upgrade(_ code: UInt8) -> String {
        DMIFormat.name(Int(code), upgrades)
    }

    /// Processor Family, or Processor Family 2 when the byte says 0xFE and the structure has the word.
    static func familyCode(_ s: SMBIOSStructure) -> UInt16 {
        let code = s.byte(0x06)!
        if code == 0xFE, s.length >= 0x2A { return s.word(0x28)! }
        return UInt16(code)
    }

    /// 7.5.2, with the codes whose meaning depends on the SMBIOS version or the manufacturer.
    static func family(_ s: SMBIOSStructure, _ context: DMIContext) -> String {
        let manufacturer = s.string(at: 0x07)!.text
        // SMBIOS 2.0 used 0x30 for the Pentium Pro as well as for the Alpha.
        if context.version == 0x0200, s.byte(0x06)! == 0x30, isVendor(manufacturer, "Intel") {
            return "Pentium Pro"
        }
        let code = familyCode(s)
        // 0xBE is "Core 2" for Intel and "K7" for AMD.
        if code == 0xBE {
            if isVendor(manufacturer, "Intel") { return "Core 2" }
            if isVendor(manufacturer, "AMD") { return "K7" }
            return "Core 2 or K7"
        }
        return families[code] ?? DMIFormat.outOfSpec
    }

    /// The manufacturer string names `vendor` anywhere, or starts with it in any case.
    private static func isVendor(_ manufacturer: String, _ vendor: String) -> Bool {
        manufacturer.contains(vendor) || manufacturer.prefix(vendor.count).lowercased() == vendor.lowercased()
    }

    /// The CPUID feature flags of an x86 processor (bits of the ID's second dword); nil for other kinds.
    static func flags(_ s: SMBIOSStructure, _ kind: CPUID) -> [String]? {
        guard kind == .x86Intel || kind == .x86AMD else { return nil }
        let edx = s.dword(0x0C)!
        return cpuidFlags.indices.compactMap { bit in
            edx >> UInt32(bit) & 1 == 1 ? cpuidFlags[bit] : nil
        }
    }

    /// Core Count, with Core Count 2 when the byte is 0xFF and the word is there; nil when 0 (unknown).
    static func coreCount(_ s: SMBIOSStructure) -> Int? {
        count(s, byte: 0x23, word: 0x2A)
    }

    static func coreEnabled(_ s: SMBIOSStructure) -> Int? {
        count(s, byte: 0x24, word: 0x2C)
    }

    static func threadCount(_ s: SMBIOSStructure) -> Int? {
        count(s, byte: 0x25, word: 0x2E)
    }

    private static func count(_ s: SMBIOSStructure, byte: Int, word: Int) -> Int? {
        guard let code = s.byte(byte), code != 0 else { return nil }
        if code == 0xFF, let wide = s.word(word) { return Int(wide) }
        return Int(code)
    }

    /// 7.5.9: bits 2-9. Only bits 2-7 decide whether anything is listed at all.
    static func characteristics(_ code: UInt16) -> [String] {
        guard code & 0x00FC != 0 else { return [] }
        return DMIFormat.setBits(UInt64(code), [
            "64-bit capable", "Multi-Core", "Hardware Thread", "Execute Protection", "Enhanced Virtualization",
            "Power/Performance Control", "128-bit Capable", "Arm64 SoC ID",
        ], first: 2)
    }

    /// Intel AP-485 table 2-4: CPUID leaf 1 EDX, by bit; nil for the reserved bits 10, 20 and 30.
    static let cpuidFlags: [String?] = [
        "FPU (Floating-point unit on-chip)", "VME (Virtual mode extension)", "DE (Debugging extension)",
        "PSE (Page size extension)", "TSC (Time stamp counter)", "MSR (Model specific registers)",
        "PAE (Physical address extension)", "MCE (Machine check exception)", "CX8 (CMPXCHG8 instruction supported)",
        "APIC (On-chip APIC hardware supported)", nil, "SEP (Fast system call)",
        "MTRR (Memory type range registers)", "PGE (Page global enable)", "MCA (Machine check architecture)",
        "CMOV (Conditional move instruction supported)", "PAT (Page attribute table)",
        "PSE-36 (36-bit page size extension)", "PSN (Processor serial number present and enabled)",
        "CLFSH (CLFLUSH instruction supported)", nil, "DS (Debug store)", "ACPI (ACPI supported)",
        "MMX (MMX technology supported)", "FXSR (FXSAVE and FXSTOR instructions supported)",
        "SSE (Streaming SIMD extensions)", "SSE2 (Streaming SIMD extensions 2)", "SS (Self-snoop)",
        "HTT (Multi-threading)", "TM (Thermal monitor supported)", nil, "PBE (Pending break enabled)",
    ]

    /// 7.5.5, from 0x01.
    static let upgrades = [
        "Other", "Unknown", "Daughter Board", "ZIF Socket", "Replaceable Piggy Back", "None", "LIF Socket",
        "Slot 1", "Slot 2", "370-pin Socket", "Slot A", "Slot M", "Socket 423", "Socket A (Socket 462)",
        "Socket 478", "Socket 754", "Socket 940", "Socket 939", "Socket mPGA604", "Socket LGA771",
        "Socket LGA775", "Socket S1", "Socket AM2", "Socket F (1207)", "Socket LGA1366", "Socket G34",
        "Socket AM3", "Socket C32", "Socket LGA1156", "Socket LGA1567", "Socket PGA988A", "Socket BGA1288",
        "Socket rPGA988B", "Socket BGA1023", "Socket BGA1224", "Socket BGA1155", "Socket LGA1356",
        "Socket LGA2011", "Socket FS1", "Socket FS2", "Socket FM1", "Socket FM2", "Socket LGA2011-3",
        "Socket LGA1356-3", "Socket LGA1150", "Socket BGA1168", "Socket BGA1234", "Socket BGA1364",
        "Socket AM4", "Socket LGA1151", "Socket BGA1356", "Socket BGA1440", "Socket BGA1515",
        "Socket LGA3647-1", "Socket SP3", "Socket SP3r2", "Socket LGA2066", "Socket BGA1392", "Socket BGA1510",
        "Socket BGA1528", "Socket LGA4189", "Socket LGA1200", "Socket LGA4677",
    ]

    /// 7.5.2 (Processor Family and Processor Family 2). 0xBE is resolved in `family`.
    static let families: [UInt16: String] = [
        0x01: "Other", 0x02: "Unknown", 0x03: "8086", 0x04: "80286", 0x05: "80386", 0x06: "80486",
        0x07: "8087", 0x08: "80287", 0x09: "80387", 0x0A: "80487", 0x0B: "Pentium", 0x0C: "Pentium Pro",
        0x0D: "Pentium II", 0x0E: "Pentium MMX", 0x0F: "Celeron", 0x10: "Pentium II Xeon", 0x11: "Pentium III",
        0x12: "M1", 0x13: "M2", 0x14: "Celeron M", 0x15: "Pentium 4 HT",
        0x18: "Duron", 0x19: "K5", 0x1A: "K6", 0x1B: "K6-2", 0x1C: "K6-3", 0x1D: "Athlon", 0x1E: "AMD29000",
        0x1F: "K6-2+", 0x20: "Power PC", 0x21: "Power PC 601", 0x22: "Power PC 603", 0x23: "Power PC 603+",
        0x24: "Power PC 604", 0x25: "Power PC 620", 0x26: "Power PC x704", 0x27: "Power PC 750",
        0x28: "Core Duo", 0x29: "Core Duo Mobile", 0x2A: "Core Solo Mobile", 0x2B: "Atom", 0x2C: "Core M",
        0x2D: "Core m3", 0x2E: "Core m5", 0x2F: "Core m7",
        0x30: "Alpha", 0x31: "Alpha 21064", 0x32: "Alpha 21066", 0x33: "Alpha 21164", 0x34: "Alpha 21164PC",
        0x35: "Alpha 21164a", 0x36: "Alpha 21264", 0x37: "Alpha 21364",
        0x38: "Turion II Ultra Dual-Core Mobile M", 0x39: "Turion II Dual-Core Mobile M",
        0x3A: "Athlon II Dual-Core M", 0x3B: "Opteron 6100", 0x3C: "Opteron 4100", 0x3D: "Opteron 6200",
        0x3E: "Opteron 4200", 0x3F: "FX",
        0x40: "MIPS", 0x41: "MIPS R4000", 0x42: "MIPS R4200", 0x43: "MIPS R4400", 0x44: "MIPS R4600",
        0x45: "MIPS R10000", 0x46: "C-Series", 0x47: "E-Series", 0x48: "A-Series", 0x49: "G-Series",
        0x4A: "Z-Series", 0x4B: "R-Series", 0x4C: "Opteron 4300", 0x4D: "Opteron 6300", 0x4E: "Opteron 3300",
        0x4F: "FirePro",
        0x50: "SPARC", 0x51: "SuperSPARC", 0x52: "MicroSPARC II", 0x53: "MicroSPARC IIep", 0x54: "UltraSPARC",
        0x55: "UltraSPARC II", 0x56: "UltraSPARC IIi", 0x57: "UltraSPARC III", 0x58: "UltraSPARC IIIi",
        0x60: "68040", 0x61: "68xxx", 0x62: "68000", 0x63: "68010", 0x64: "68020", 0x65: "68030",
        0x66: "Athlon X4", 0x67: "Opteron X1000", 0x68: "Opteron X2000", 0x69: "Opteron A-Series",
        0x6A: "Opteron X3000", 0x6B: "Zen",
        0x70: "Hobbit",
        0x78: "Crusoe TM5000", 0x79: "Crusoe TM3000", 0x7A: "Efficeon TM8000",
        0x80: "Weitek",
        0x82: "Itanium", 0x83: "Athlon 64", 0x84: "Opteron", 0x85: "Sempron", 0x86: "Turion 64",
        0x87: "Dual-Core Opteron", 0x88: "Athlon 64 X2", 0x89: "Turion 64 X2", 0x8A: "Quad-Core Opteron",
        0x8B: "Third-Generation Opteron", 0x8C: "Phenom FX", 0x8D: "Phenom X4", 0x8E: "Phenom X2",
        0x8F: "Athlon X2",
        0x90: "PA-RISC", 0x91: "PA-RISC 8500", 0x92: "PA-RISC 8000", 0x93: "PA-RISC 7300LC",
        0x94: "PA-RISC 7200", 0x95: "PA-RISC 7100LC", 0x96: "PA-RISC 7100",
        0xA0: "V30", 0xA1: "Quad-Core Xeon 3200", 0xA2: "Dual-Core Xeon 3000", 0xA3: "Quad-Core Xeon 5300",
        0xA4: "Dual-Core Xeon 5100", 0xA5: "Dual-Core Xeon 5000", 0xA6: "Dual-Core Xeon LV",
        0xA7: "Dual-Core Xeon ULV", 0xA8: "Dual-Core Xeon 7100", 0xA9: "Quad-Core Xeon 5400",
        0xAA: "Quad-Core Xeon", 0xAB: "Dual-Core Xeon 5200", 0xAC: "Dual-Core Xeon 7200",
        0xAD: "Quad-Core Xeon 7300", 0xAE: "Quad-Core Xeon 7400", 0xAF: "Multi-Core Xeon 7400",
        0xB0: "Pentium III Xeon", 0xB1: "Pentium III Speedstep", 0xB2: "Pentium 4", 0xB3: "Xeon", 0xB4: "AS400",
        0xB5: "Xeon MP", 0xB6: "Athlon XP", 0xB7: "Athlon MP", 0xB8: "Itanium 2", 0xB9: "Pentium M",
        0xBA: "Celeron D", 0xBB: "Pentium D", 0xBC: "Pentium EE", 0xBD: "Core Solo",
        0xBF: "Core 2 Duo", 0xC0: "Core 2 Solo", 0xC1: "Core 2 Extreme", 0xC2: "Core 2 Quad",
        0xC3: "Core 2 Extreme Mobile", 0xC4: "Core 2 Duo Mobile", 0xC5: "Core 2 Solo Mobile", 0xC6: "Core i7",
        0xC7: "Dual-Core Celeron", 0xC8: "IBM390", 0xC9: "G4", 0xCA: "G5", 0xCB: "ESA/390 G6",
        0xCC: "z/Architecture", 0xCD: "Core i5", 0xCE: "Core i3", 0xCF: "Core i9",
        0xD2: "C7-M", 0xD3: "C7-D", 0xD4: "C7", 0xD5: "Eden", 0xD6: "Multi-Core Xeon",
        0xD7: "Dual-Core Xeon 3xxx", 0xD8: "Quad-Core Xeon 3xxx", 0xD9: "Nano", 0xDA: "Dual-Core Xeon 5xxx",
        0xDB: "Quad-Core Xeon 5xxx",
        0xDD: "Dual-Core Xeon 7xxx", 0xDE: "Quad-Core Xeon 7xxx", 0xDF: "Multi-Core Xeon 7xxx",
        0xE0: "Multi-Core Xeon 3400",
        0xE4: "Opteron 3000", 0xE5: "Sempron II", 0xE6: "Embedded Opteron Quad-Core", 0xE7: "Phenom Triple-Core",
        0xE8: "Turion Ultra Dual-Core Mobile", 0xE9: "Turion Dual-Core Mobile", 0xEA: "Athlon Dual-Core",
        0xEB: "Sempron SI", 0xEC: "Phenom II", 0xED: "Athlon II", 0xEE: "Six-Core Opteron", 0xEF: "Sempron M",
        0xFA: "i860", 0xFB: "i960",
        0x100: "ARMv7", 0x101: "ARMv8", 0x104: "SH-3", 0x105: "SH-4", 0x118: "ARM", 0x119: "StrongARM",
        0x12C: "6x86", 0x12D: "MediaGX", 0x12E: "MII", 0x140: "WinChip", 0x15E: "DSP", 0x1F4: "Video Processor",
        0x200: "RV32", 0x201: "RV64", 0x202: "RV128",
    ]
}
