/// SMBIOS 7.49 End-of-Table (type 127).
enum EndOfTableDecoder: DMIStructureDecoder {
    static let type: UInt8 = 127

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("End Of Table")
    }
}
