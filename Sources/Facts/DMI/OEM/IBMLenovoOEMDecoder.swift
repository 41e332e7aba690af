/// IBM's and Lenovo's vendor-specific structures (ThinkPad and ThinkCentre firmware).
enum IBMLenovoOEMDecoder: DMIOEMDecoder {
    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) -> Bool {
        guard let vendor = OEMVendor(context), vendor == .ibm || vendor == .lenovo else { return false }
        switch s.type {
        case 131:
            // ThinkVantage Technologies feature bits; other type 131 structures have another length or
            // another first string.
            guard s.length == 0x16, s.string(number: 1).text == "TVT-Enablement" else { return false }
            out.title("ThinkVantage Technologies")
            out.attr("Version", "\(s.byte(0x04)!)")
            out.attr("Diagnostics", s.byte(0x14)! & 0x80 != 0 ? "Available" : "No")
        case 135:
            // Device presence detection: signature "TP", then OEM structure offset 7, number 3, revision 1.
            guard s.length >= 0x0A, s.bytes(0x04, 2)! == Array("TP".utf8),
                  s.bytes(0x06, 3)! == [0x07, 0x03, 0x01] else { return false }
            out.title("ThinkPad Device Presence Detection")
            out.attr("Fingerprint Reader", s.byte(0x09)! & 0x01 != 0 ? "Present" : "No")
        case 140:
            // Embedded controller program: signature "LENOVO", then OEM structure offset 0x0B, number 7,
            // revision 1; the version ID and release date are the first two strings.
            guard s.length >= 0x0F, s.bytes(0x04, 6)! == Array("LENOVO".utf8),
                  s.bytes(0x0A, 3)! == [0x0B, 0x07, 0x01] else { return false }
            out.title("ThinkPad Embedded Controller Program")
            out.attr("Version ID", s.string(number: 1).text)
            out.attr("Release Date", s.string(number: 2).text)
        default:
            return false
        }
        return true
    }
}
