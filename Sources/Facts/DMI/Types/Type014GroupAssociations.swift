/// SMBIOS 7.15 Group Associations (type 14): text only.
enum GroupAssociationsDecoder: DMIStructureDecoder {
    static let type: UInt8 = 14

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("Group Associations")
        guard s.length >= 0x05 else { return }
        out.attr("Name", s.string(at: 0x04)!.text)
        // Items of 3 bytes (member type, member handle) fill the rest of the structure.
        let count = (s.length - 0x05) / 3
        out.listStart("Items", "\(count)")
        for i in 0..<count {
            let offset = 0x05 + 3 * i
            out.listItem("0x\(hex(s.word(offset + 1)!, width: 4)) (\(SMBIOSStructureTypeName.name(s.byte(offset)!)))")
        }
    }
}
