/// SMBIOS 7.28 Cooling Device (type 27).
enum CoolingDeviceDecoder: DMIStructureDecoder {
    static let type: UInt8 = 27

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("Cooling Device")
        guard s.length >= 0x0C else { return }
        let probe = s.word(0x04)!
        if probe != 0xFFFF { out.attr("Temperature Probe Handle", "0x\(hex(probe, width: 4))") }
        let typeAndStatus = s.byte(0x06)!
        out.attr("Type", deviceType(typeAndStatus & 0x1F))
        out.attr("Status", ProbeFields.status(typeAndStatus))
        let group = s.byte(0x07)!
        if group != 0 { out.attr("Cooling Unit Group", "\(group)") }
        out.attr("OEM-specific Information", "0x\(hex(s.dword(0x08)!, width: 8))")
        guard let speed = s.word(0x0C) else { return }
        out.attr("Nominal Speed", speed == 0x8000 ? "Unknown Or Non-rotating" : "\(speed) rpm")
        guard let description = s.string(at: 0x0E) else { return }
        out.attr("Description", description.text)
    }

    /// 7.28.1: the generic active and passive kinds are numbered from 0x10.
    static func deviceType(_ code: UInt8) -> String {
        code >= 0x10 ? DMIFormat.name(Int(code), typesFrom10, first: 0x10) : DMIFormat.name(Int(code), types)
    }

    static let types = [
        "Other", "Unknown", "Fan", "Centrifugal Blower", "Chip Fan", "Cabinet Fan", "Power Supply Fan", "Heat Pipe",
        "Integrated Refrigeration",
    ]
    static let typesFrom10 = ["Active Cooling", "Passive Cooling"]
}
