/// How a processor's ID field (type 4, offset 0x08) is laid out, which depends on the processor family.
public enum CPUIDKind: Sendable, Equatable {
    case none
    case i80386
    case i80486
    case armLegacy
    case armSoCID
    case x86Intel
    case x86AMD

    /// The layout of the ID of a type 4 structure (which must hold at least 0x1A bytes).
    init(processor s: SMBIOSStructure) {
        guard s.type == 4, s.length >= 0x1A else { self = .none; return }
        let family: UInt16 = s.byte(0x06)! == 0xFE && s.length >= 0x2A ? s.word(0x28)! : UInt16(s.byte(0x06)!)
        switch family {
        case 0x05:
            self = .i80386
        case 0x06:
            // Only some 80486 have the CPUID instruction; their signature word tells.
            let dx = s.word(0x08)!
            let hasCPUID = dx & 0x0F00 == 0x0400 && (dx & 0x00F0 == 0x0040 || dx & 0x00F0 >= 0x0070)
                && dx & 0x000F >= 0x0003
            self = hasCPUID ? .x86Intel : .i80486
        case 0x100...0x101, 0x118...0x119:
            // Processor characteristics bit 9: the ID is the SMCCC SoC ID.
            self = s.length >= 0x28 && s.word(0x26)! & (1 << 9) != 0 ? .armSoCID : .armLegacy
        case 0x0B...0x15, 0x28...0x2F, 0xA1...0xB3, 0xB5, 0xB9...0xC7, 0xCD...0xCF, 0xD2...0xDB, 0xDD...0xE0:
            self = .x86Intel
        case 0x18...0x1D, 0x1F, 0x38...0x3F, 0x46...0x4F, 0x66...0x6B, 0x83...0x8F, 0xB6...0xB7, 0xE4...0xEF:
            self = .x86AMD
        case 0x01, 0x02:
            // Family "Other" or "Unknown": some x86 processors are known by their version string.
            let version = s.string(at: 0x10)!.text
            if version.hasPrefix("Pentium III MMX") || version.hasPrefix("Intel(R) Core(TM)2")
                || version.hasPrefix("Intel(R) Pentium(R)") || version == "Genuine Intel(R) CPU U1400" {
                self = .x86Intel
            } else if version.hasPrefix("AMD Athlon(TM)") || version.hasPrefix("AMD Opteron(tm)")
                || version.hasPrefix("Dual-Core AMD Opteron(tm)") {
                self = .x86AMD
            } else {
                self = .none
            }
        default:
            self = .none
        }
    }

    /// The signature decoded from the 8-byte ID: its label (which the Arm SoC ID form sets itself) and
    /// text; nil when the kind has none (or a legacy Arm ID reads zero).
    func signature(_ id: [UInt8], label: String) -> (label: String, text: String)? {
        let reader = ByteReader(id)
        switch self {
        case .i80386:
            let dx = reader.word(0)!
            return (label, "Type \(dx >> 12), Family \((dx >> 8) & 0xF), Major Stepping \((dx >> 4) & 0xF), Minor Stepping \(dx & 0xF)")
        case .i80486:
            let dx = reader.word(0)!
            return (label, "Type \((dx >> 12) & 0x3), Family \((dx >> 8) & 0xF), Model \((dx >> 4) & 0xF), Stepping \(dx & 0xF)")
        case .armLegacy:
            let midr = reader.dword(0)!
            guard midr != 0 else { return nil }
            return (label, "Implementor 0x\(hex(midr >> 24, width: 2).lowercased()), Variant 0x\(hex((midr >> 20) & 0xF, width: 1).lowercased()), Architecture \((midr >> 16) & 0xF), Part 0x\(hex((midr >> 4) & 0xFFF, width: 3).lowercased()), Revision \(midr & 0xF)")
        case .armSoCID:
            let jep106 = reader.dword(0)!
            let revision = reader.dword(4) ?? 0
            return ("Signature", "JEP-106 Bank 0x\(hex((jep106 >> 24) & 0x7F, width: 2).lowercased()) Manufacturer 0x\(hex((jep106 >> 16) & 0x7F, width: 2).lowercased()), SoC ID 0x\(hex(jep106 & 0xFFFF, width: 4).lowercased()), SoC Revision 0x\(hex(revision, width: 8).lowercased())")
        case .x86Intel:
            let eax = reader.dword(0)!
            return (label, "Type \((eax >> 12) & 0x3), Family \(((eax >> 20) & 0xFF) + ((eax >> 8) & 0x0F)), Model \(((eax >> 12) & 0xF0) + ((eax >> 4) & 0x0F)), Stepping \(eax & 0xF)")
        case .x86AMD:
            let eax = reader.dword(0)!
            let baseFamily = (eax >> 8) & 0xF
            let family = baseFamily + (baseFamily == 0xF ? (eax >> 20) & 0xFF : 0)
            let model = (eax >> 4) & 0xF | (baseFamily == 0xF ? (eax >> 12) & 0xF0 : 0)
            return (label, "Family \(family), Model \(model), Stepping \(eax & 0xF)")
        case .none:
            return nil
        }
    }
}
