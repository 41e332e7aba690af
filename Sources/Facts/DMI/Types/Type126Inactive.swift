/// SMBIOS 7.48 Inactive (type 126): a structure the firmware has switched off; nothing to decode.
enum InactiveDecoder: DMIStructureDecoder {
    static let type: UInt8 = 126

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("Inactive")
    }
}
