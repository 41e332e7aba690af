/// SMBIOS 7.25 Hardware Security (type 24).
enum HardwareSecurityDecoder: DMIStructureDecoder {
    static let type: UInt8 = 24

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("Hardware Security")
        guard let settings = s.byte(0x04) else { return }
        out.attr("Power-On Password Status", statuses[Int(settings >> 6)])
        out.attr("Keyboard Password Status", statuses[Int(settings >> 4) & 0x3])
        out.attr("Administrator Password Status", statuses[Int(settings >> 2) & 0x3])
        out.attr("Front Panel Reset Status", statuses[Int(settings) & 0x3])
    }

    /// Each setting is a 2-bit field.
    static let statuses = ["Disabled", "Enabled", "Not Implemented", "Unknown"]
}
