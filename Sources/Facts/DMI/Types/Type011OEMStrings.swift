/// SMBIOS 7.12 OEM Strings (type 11): free-form strings the vendor defines.
public enum OEMStrings {
    /// The strings in order; the count byte may announce more than the string set holds, and those
    /// missing strings are left out.
    public static func strings(_ s: SMBIOSStructure) -> [String] {
        guard s.type == 11 else { return [] }
        return DMICountedStrings.entries(s).compactMap(\.value)
    }
}

/// Structures that are a count at offset 4 followed by that many strings (types 11 and 12).
enum DMICountedStrings {
    /// String 1 up to the announced count, as resolved references; empty when there is no count byte.
    static func entries(_ s: SMBIOSStructure) -> [DMIString] {
        guard let count = s.byte(0x04), count > 0 else { return [] }
        return (1...count).map { s.string(number: $0) }
    }
}

enum OEMStringsDecoder: DMIStructureDecoder {
    static let type: UInt8 = 11

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("OEM Strings")
        for (i, string) in DMICountedStrings.entries(s).enumerated() { out.attr("String \(i + 1)", string.text) }
    }
}
