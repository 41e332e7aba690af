/// SMBIOS 7.41 Additional Information (type 40): entries that each point at a field of another structure.
enum AdditionalInformationDecoder: DMIStructureDecoder {
    static let type: UInt8 = 40

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        // Too short for one entry: nothing but the handle line, not even a title.
        guard s.length >= 0x0B else { return }
        let count = Int(s.byte(0x04)!)
        var offset = 0x05
        for i in 0..<count {
            out.title("Additional Information \(i + 1)")
            // Each entry starts with its own length, which covers the 5 fixed bytes and the value.
            guard let length = s.byte(offset).map(Int.init), length >= 0x05, offset + length <= s.length else { return }
            out.attr("Referenced Handle", "0x" + hex(s.word(offset + 1)!, width: 4).lowercased())
            out.attr("Referenced Offset", "0x" + hex2(s.byte(offset + 3)!).lowercased())
            out.attr("String", s.string(at: offset + 4)!.text)
            let value: String
            switch length - 0x05 {
            case 1: value = "0x" + hex2(s.byte(offset + 5)!).lowercased()
            case 2: value = "0x" + hex(s.word(offset + 5)!, width: 4).lowercased()
            case 4: value = "0x" + hex(s.dword(offset + 5)!, width: 8).lowercased()
            default: value = "Unexpected size"
            }
            out.attr("Value", value)
            offset += length
        }
    }
}
