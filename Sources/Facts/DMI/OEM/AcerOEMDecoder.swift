/// Acer's vendor-specific structures.
enum AcerOEMDecoder: DMIOEMDecoder {
    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) -> Bool {
        guard OEMVendor(context) == .acer, s.type == 170 else { return false }
        // Hotkey function (as the Linux acer-wmi driver reads it).
        out.title("Acer Hotkey Function")
        guard s.length >= 0x0F else { return true }
        let word = { (offset: Int) in "0x" + hex(s.word(offset)!, width: 4).lowercased() }
        let communication = s.word(0x04)!
        out.attr("Function bitmap for Communication Button", word(0x04))
        out.subattr("WiFi", yesNo(communication & 0x0001 != 0))
        out.subattr("3G", yesNo(communication & 0x0040 != 0))
        out.subattr("WiMAX", yesNo(communication & 0x0080 != 0))
        out.subattr("Bluetooth", yesNo(communication & 0x0800 != 0))
        out.attr("Function bitmap for Application Button", word(0x06))
        out.attr("Function bitmap for Media Button", word(0x08))
        out.attr("Function bitmap for Display Button", word(0x0A))
        out.attr("Function bitmap for Others Button", word(0x0C))
        out.attr("Communication Function Key Number", "\(s.byte(0x0E)!)")
        return true
    }
}

private func yesNo(_ flag: Bool) -> String { flag ? "Yes" : "No" }
