/// Decodes one structure type into dmidecode's lines. Implementations mirror the SMBIOS section of
/// their type: the title first, then one line per field the structure is long enough to hold.
public protocol DMIStructureDecoder: Sendable {
    static var type: UInt8 { get }
    static func decode(_ structure: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines)
}

/// Decodes a vendor-specific (type 128-255) structure when the system is that vendor's; returns false
/// to let the structure be shown raw.
public protocol DMIOEMDecoder: Sendable {
    static func decode(_ structure: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) -> Bool
}

/// Turns structures into records: the type's decoder, a vendor decoder, or a raw dump.
public enum DMIDecoder {
    public static func record(_ structure: SMBIOSStructure, _ context: DMIContext) -> DMIRecord {
        var out = DMILines()
        var isRaw = false
        if let decoder = DMIDecoderRegistry.standard[structure.type] {
            decoder.decode(structure, context, into: &out)
        } else if !DMIDecoderRegistry.oem.contains(where: { $0.decode(structure, context, into: &out) }) {
            out.title(structure.type >= 128 ? "OEM-specific Type" : "Unknown Type")
            DMIRaw.dump(structure, into: &out)
            isRaw = true
        }
        return DMIRecord(
            handle: structure.handle, type: structure.type, length: structure.length, lines: out.lines, isRaw: isRaw)
    }

    public static func records(_ table: SMBIOSTable) -> [DMIRecord] {
        let context = DMIContext(table: table)
        return table.structures.map { record($0, context) }
    }
}

/// The raw form of a structure: formatted area in rows of 16 hex bytes, then its strings.
public enum DMIRaw {
    public static func dump(_ s: SMBIOSStructure, into out: inout DMILines) {
        out.listStart("Header and Data")
        var row = 0
        while row < s.formatted.count {
            out.listItem(s.formatted[row..<min(row + 16, s.formatted.count)].hexString)
            row += 16
        }
        if !s.strings.isEmpty {
            out.listStart("Strings")
            for string in s.strings { out.listItem(SMBIOSStructure.asciiFiltered(string)) }
        }
    }
}
