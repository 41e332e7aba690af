/// SMBIOS 7.34 64-bit Memory Error Information (type 33).
enum MemoryErrorInformation64Decoder: DMIStructureDecoder {
    static let type: UInt8 = 33

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("64-bit Memory Error Information")
        guard s.length >= 0x1F else { return }
        MemoryErrorFields.decodeCommon(s, into: &out)
        out.attr("Memory Array Address", address64(s.qword(0x0B)!))
        out.attr("Device Address", address64(s.qword(0x13)!))
        out.attr("Resolution", MemoryErrorFields.address32(s.dword(0x1B)!))
    }

    /// A 64-bit address; 0x8000000000000000 means unknown.
    static func address64(_ code: UInt64) -> String {
        code == 0x8000_0000_0000_0000 ? "Unknown" : "0x\(hex(code, width: 16))"
    }
}
