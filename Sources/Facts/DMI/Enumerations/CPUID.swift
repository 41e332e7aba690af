/// How the eight Processor ID bytes are laid out, which depends on the processor family. Also needed by
/// vendor structures that carry CPUID values (HPE type 199 takes the kind of the first processor).
public enum CPUID: Sendable, Equatable {
    case none
    case i80386
    case i80486
    case armLegacy
    case armSoCID
    case x86Intel
    case x86AMD

    /// The layout for a type 4 structure of at least 0x1A bytes.
    static func kind(_ s: SMBIOSStructure) -> CPUID {
        guard s.length >= 0x1A else { return .none }
        let family = ProcessorInformationDecoder.familyCode(s)
        let low = s.word(0x08)!
        switch family {
        case 0x05:
            return .i80386
        case 0x06:
            // Only some 80486 models have the CPUID instruction; their ID word tells which.
            let hasCPUID = low & 0x0F00 == 0x0400 && (low & 0x00F0 == 0x0040 || low & 0x00F0 >= 0x0070)
                && low & 0x000F >= 0x0003
            return hasCPUID ? .x86Intel : .i80486
        case 0x100...0x101, 0x118...0x119:
            // With SMCCC SoC ID support (characteristics bit 9) the field holds the SoC ID, else MIDR_EL1.
            if s.length >= 0x28, s.word(0x26)! & (1 << 9) != 0 { return .armSoCID }
            return .armLegacy
        case 0x0B...0x15, 0x28...0x2F, 0xA1...0xB3, 0xB5, 0xB9...0xC7, 0xCD...0xCF, 0xD2...0xDB, 0xDD...0xE0:
            return .x86Intel
        case 0x18...0x1D, 0x1F, 0x38...0x3F, 0x46...0x4F, 0x66...0x6B, 0x83...0x8F, 0xB6...0xB7, 0xE4...0xEF:
            return .x86AMD
        case 0x01, 0x02:
            // Family "Other" or "Unknown": some known x86 models are recognised by their version string.
            let version = s.string(at: 0x10)!.text
            if version.hasPrefix("Pentium III MMX") || version.hasPrefix("Intel(R) Core(TM)2")
                || version.hasPrefix("Intel(R) Pentium(R)") || version == "Genuine Intel(R) CPU U1400" {
                return .x86Intel
            }
            if version.hasPrefix("AMD Athlon(TM)") || version.hasPrefix("AMD Opteron(tm)")
                || version.hasPrefix("Dual-Core AMD Opteron(tm)") {
                return .x86AMD
            }
            return .none
        default:
            return .none
        }
    }

    /// The signature text of the ID bytes (at least 8), as dmidecode prints it; nil when it prints none.
    static func signature(_ kind: CPUID, _ id: [UInt8]) -> String? {
        guard id.count >= 8 else { return nil }
        let reader = ByteReader(id)
        let dx = reader.word(0)!
        let eax = reader.dword(0)!
        switch kind {
        case .none:
            return nil
        case .i80386:
            return "Type \(dx >> 12), Family \(dx >> 8 & 0xF), Major Stepping \(dx >> 4 & 0xF), Minor Stepping \(dx & 0xF)"
        case .i80486:
            return "Type \(dx >> 12 & 0x3), Family \(dx >> 8 & 0xF), Model \(dx >> 4 & 0xF), Stepping \(dx & 0xF)"
        case .armLegacy:
            // The layout was undefined before SMBIOS 3.1; all zeroes means nothing was filled in.
            if eax == 0 { return nil }
            return "Implementor 0x\(lowerHex(eax >> 24, width: 2)), Variant 0x\(lowerHex(eax >> 20 & 0xF, width: 1)), "
                + "Architecture \(eax >> 16 & 0xF), Part 0x\(lowerHex(eax >> 4 & 0xFFF, width: 3)), Revision \(eax & 0xF)"
        case .armSoCID:
            let revision = reader.dword(4)!
            return "JEP-106 Bank 0x\(lowerHex(eax >> 24 & 0x7F, width: 2)) Manufacturer 0x\(lowerHex(eax >> 16 & 0x7F, width: 2)), "
                + "SoC ID 0x\(lowerHex(eax & 0xFFFF, width: 4)), SoC Revision 0x\(lowerHex(revision, width: 8))"
        case .x86Intel:
            return "Type \(eax >> 12 & 0x3), Family \((eax >> 20 & 0xFF) + (eax >> 8 & 0x0F)), "
                + "Model \((eax >> 12 & 0xF0) + (eax >> 4 & 0x0F)), Stepping \(eax & 0xF)"
        case .x86AMD:
            let base = eax >> 8 & 0xF
            let extended = base == 0xF
            return "Family \(base + (extended ? eax >> 20 & 0xFF : 0)), "
                + "Model \(eax >> 4 & 0xF | (extended ? eax >> 12 & 0xF0 : 0)), Stepping \(eax & 0xF)"
        }
    }

    private static func lowerHex(_ value: UInt32, width: Int) -> String {
        hex(value, width: width).lowercased()
    }
}
