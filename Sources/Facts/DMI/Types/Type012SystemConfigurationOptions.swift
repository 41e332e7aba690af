/// SMBIOS 7.13 System Configuration Options (type 12): jumper and switch settings, one string each.
public enum SystemConfigurationOptions {
    /// The options in order; those the count announces beyond the string set are left out.
    public static func options(_ s: SMBIOSStructure) -> [String] {
        guard s.type == 12 else { return [] }
        return DMICountedStrings.entries(s).compactMap(\.value)
    }
}

enum SystemConfigurationOptionsDecoder: DMIStructureDecoder {
    static let type: UInt8 = 12

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("System Configuration Options")
        for (i, option) in DMICountedStrings.entries(s).enumerated() { out.attr("Option \(i + 1)", option.text) }
    }
}
