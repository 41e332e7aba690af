/// SMBIOS 7.45 Processor Additional Information (type 44).
///
/// dmidecode 3.4 has no decoder for this type and shows it as an unknown structure, raw; RackHD parses
/// that text, so the structure is shown the same way here.
enum ProcessorAdditionalInformationDecoder: DMIStructureDecoder {
    static let type: UInt8 = 44

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("Unknown Type")
        DMIRaw.dump(s, into: &out)
    }
}
