/// SMBIOS 7.46 Firmware Inventory Information (type 45).
enum FirmwareInventoryDecoder: DMIStructureDecoder {
    static let type: UInt8 = 45

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("Firmware Inventory Information")
        guard s.length >= 0x18 else { return }
        out.attr("Firmware Component Name", s.string(at: 0x04)!.text)
        out.attr("Firmware Version", s.string(at: 0x05)!.text)
        out.attr("Firmware ID", s.string(at: 0x07)!.text)
        out.attr("Release Date", s.string(at: 0x09)!.text)
        out.attr("Manufacturer", s.string(at: 0x0A)!.text)
        out.attr("Lowest Supported Firmware Version", s.string(at: 0x0B)!.text)
        out.attr("Image Size", imageSize(s.qword(0x0C)!))
        let characteristics = s.word(0x14)!
        out.list("Characteristics", [
            "Updatable: " + (characteristics & 1 != 0 ? "Yes" : "No"),
            "Write-Protect: " + (characteristics & 2 != 0 ? "Yes" : "No"),
        ])
        out.attr("State", DMIFormat.name(Int(s.byte(0x16)!), states))
        // The associated component handles follow, if the structure is long enough to hold them all.
        let count = Int(s.byte(0x17)!)
        guard s.length >= 0x18 + 2 * count else { return }
        out.listStart("Associated Components", "\(count)")
        for i in 0..<count { out.listItem("0x" + hex(s.word(0x18 + 2 * i)!, width: 4)) }
    }

    /// All ones is "Unknown", zero "None", anything else a byte count.
    static func imageSize(_ code: UInt64) -> String {
        switch code {
        case .max: return "Unknown"
        case 0: return "None"
        default: return DMIFormat.memorySize(code)
        }
    }

    /// 7.46.4
    static let states = [
        "Other", "Unknown", "Disabled", "Enabled", "Absent", "Stand-by Offline", "Stand-by Spare",
        "Unavailable Offline",
    ]
}
