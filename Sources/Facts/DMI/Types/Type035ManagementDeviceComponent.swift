/// SMBIOS 7.36 Management Device Component (type 35).
enum ManagementDeviceComponentDecoder: DMIStructureDecoder {
    static let type: UInt8 = 35

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("Management Device Component")
        guard s.length >= 0x0B else { return }
        out.attr("Description", s.string(at: 0x04)!.text)
        out.attr("Management Device Handle", "0x\(hex(s.word(0x05)!, width: 4))")
        out.attr("Component Handle", "0x\(hex(s.word(0x07)!, width: 4))")
        let threshold = s.word(0x09)!
        if threshold != 0xFFFF { out.attr("Threshold Handle", "0x\(hex(threshold, width: 4))") }
    }
}
