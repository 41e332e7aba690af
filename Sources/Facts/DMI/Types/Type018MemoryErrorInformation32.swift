/// SMBIOS 7.19 32-bit Memory Error Information (type 18).
enum MemoryErrorInformation32Decoder: DMIStructureDecoder {
    static let type: UInt8 = 18

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("32-bit Memory Error Information")
        guard s.length >= 0x17 else { return }
        MemoryErrorFields.decodeCommon(s, into: &out)
        out.attr("Memory Array Address", MemoryErrorFields.address32(s.dword(0x0B)!))
        out.attr("Device Address", MemoryErrorFields.address32(s.dword(0x0F)!))
        out.attr("Resolution", MemoryErrorFields.address32(s.dword(0x13)!))
    }
}
