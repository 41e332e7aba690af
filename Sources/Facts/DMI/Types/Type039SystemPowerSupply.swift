/// SMBIOS 7.40 System Power Supply (type 39).
enum SystemPowerSupplyDecoder: DMIStructureDecoder {
    static let type: UInt8 = 39

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("System Power Supply")
        guard s.length >= 0x10 else { return }
        let group = s.byte(0x04)!
        if group != 0 { out.attr("Power Unit Group", "\(group)") }
        for (offset, name) in [
            (0x05, "Location"), (0x06, "Name"), (0x07, "Manufacturer"), (0x08, "Serial Number"),
            (0x09, "Asset Tag"), (0x0A, "Model Part Number"), (0x0B, "Revision"),
        ] {
            out.attr(name, s.string(at: offset)!.text)
        }
        let power = s.word(0x0C)!
        out.attr("Max Power Capacity", power == 0x8000 ? "Unknown" : "\(power) W")
        // 7.40.1 power supply characteristics
        let characteristics = s.word(0x0E)!
        out.attr("Status", characteristics & (1 << 1) != 0
            ? "Present, \(DMIFormat.name(Int(characteristics >> 7) & 0x07, statuses))" : "Not Present")
        out.attr("Type", DMIFormat.name(Int(characteristics >> 10) & 0x0F, types))
        out.attr("Input Voltage Range Switching", DMIFormat.name(Int(characteristics >> 3) & 0x0F, rangeSwitching))
        out.attr("Plugged", characteristics & (1 << 2) != 0 ? "No" : "Yes")
        out.attr("Hot Replaceable", characteristics & 1 != 0 ? "Yes" : "No")
        guard s.length >= 0x16 else { return }
        for (offset, name) in [
            (0x10, "Input Voltage Probe Handle"), (0x12, "Cooling Device Handle"), (0x14, "Input Current Probe Handle"),
        ] {
            let handle = s.word(offset)!
            if handle != 0xFFFF { out.attr(name, "0x\(hex(handle, width: 4))") }
        }
    }

    static let types = ["Other", "Unknown", "Linear", "Switching", "Battery", "UPS", "Converter", "Regulator"]
    static let statuses = ["Other", "Unknown", "OK", "Non-critical", "Critical"]
    static let rangeSwitching = ["Other", "Unknown", "Manual", "Auto-switch", "Wide Range", "N/A"]
}
