/// SMBIOS 7.14 BIOS Language Information (type 13): text only.
enum BIOSLanguageInformationDecoder: DMIStructureDecoder {
    static let type: UInt8 = 13

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("BIOS Language Information")
        guard s.length >= 0x16 else { return }
        // The flags byte was reserved before SMBIOS 2.1.
        if context.atLeast(2, 1) {
            out.attr("Language Description Format", s.byte(0x05)! & 0x01 != 0 ? "Abbreviated" : "Long")
        }
        let count = s.byte(0x04)!
        out.listStart("Installable Languages", "\(count)")
        for index in 0..<count { out.listItem(s.string(number: index + 1).text) }
        out.attr("Currently Installed Language", s.string(at: 0x15)!.text)
    }
}
