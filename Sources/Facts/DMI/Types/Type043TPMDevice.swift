/// SMBIOS 7.44 TPM Device (type 43).
enum TPMDeviceDecoder: DMIStructureDecoder {
    static let type: UInt8 = 43

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("TPM Device")
        guard s.length >= 0x1B else { return }
        out.attr("Vendor ID", vendorID(s.bytes(0x04, 4)!))
        let major = s.byte(0x08)!
        out.attr("Specification Version", "\(major).\(s.byte(0x09)!)")
        switch major {
        case 1:
            // TPM 1.2 repeats the specification version in the first two bytes; the revision follows.
            out.attr("Firmware Revision", "\(s.byte(0x0C)!).\(s.byte(0x0D)!)")
        case 2:
            let revision = s.dword(0x0A)!
            out.attr("Firmware Revision", "\(revision >> 16).\(revision & 0xFFFF)")
        default:
            break
        }
        out.attr("Description", s.string(at: 0x12)!.text)
        out.list("Characteristics", characteristics(s.qword(0x13)!))
        guard s.length >= 0x1F else { return }
        out.attr("OEM-specific Information", "0x" + hex(s.dword(0x1B)!, width: 8))
    }

    /// Up to four ASCII characters, ending early at a NUL.
    static func vendorID(_ bytes: [UInt8]) -> String {
        let chars = bytes.prefix { $0 != 0 }
        return SMBIOSStructure.asciiFiltered(Array(chars))
    }

    /// 7.44.1; bit 2 says the characteristics are not supported, which hides the other bits.
    static func characteristics(_ code: UInt64) -> [String] {
        if code & (1 << 2) != 0 { return ["TPM Device characteristics not supported"] }
        return DMIFormat.setBits(code, [
            "Family configurable via firmware update", "Family configurable via platform software support",
            "Family configurable via OEM proprietary mechanism",
        ], first: 3)
    }
}
