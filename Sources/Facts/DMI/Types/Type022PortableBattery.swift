/// SMBIOS 7.23 Portable Battery (type 22).
enum PortableBatteryDecoder: DMIStructureDecoder {
    static let type: UInt8 = 22

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("Portable Battery")
        guard s.length >= 0x10 else { return }
        // From 2.2 on (26 bytes), a battery that follows the Smart Battery Data Specification leaves the
        // date and serial strings empty and codes them in SBDS fields instead; chemistry 02h ("Unknown")
        // then defers to the SBDS chemistry string.
        let hasSBDSFields = s.length >= 0x1A
        let dateString = s.byte(0x06)!
        let serialString = s.byte(0x07)!
        let chemistry = s.byte(0x09)!
        out.attr("Location", s.string(at: 0x04)!.text)
        out.attr("Manufacturer", s.string(at: 0x05)!.text)
        if dateString != 0 || !hasSBDSFields { out.attr("Manufacture Date", s.string(number: dateString).text) }
        if serialString != 0 || !hasSBDSFields { out.attr("Serial Number", s.string(number: serialString).text) }
        out.attr("Name", s.string(at: 0x08)!.text)
        if chemistry != 0x02 || !hasSBDSFields { out.attr("Chemistry", DMIFormat.name(Int(chemistry), chemistries)) }
        let capacity = UInt32(s.word(0x0A)!)
        let multiplier = UInt32(s.byte(0x15) ?? 1)
        out.attr("Design Capacity", capacity == 0 ? "Unknown" : "\(capacity * multiplier) mWh")
        let voltage = s.word(0x0C)!
        out.attr("Design Voltage", voltage == 0 ? "Unknown" : "\(voltage) mV")
        out.attr("SBDS Version", s.string(at: 0x0E)!.text)
        let maximumError = s.byte(0x0F)!
        out.attr("Maximum Error", maximumError == 0xFF ? "Unknown" : "\(maximumError)%")
        guard hasSBDSFields else { return }
        if serialString == 0 { out.attr("SBDS Serial Number", hex(s.word(0x10)!, width: 4)) }
        if dateString == 0 { out.attr("SBDS Manufacture Date", sbdsDate(s.word(0x12)!)) }
        if chemistry == 0x02 { out.attr("SBDS Chemistry", s.string(at: 0x14)!.text) }
        out.attr("OEM-specific Information", "0x\(hex(s.dword(0x16)!, width: 8))")
    }

    /// Bits 15:9 years since 1980, 8:5 month, 4:0 day.
    static func sbdsDate(_ code: UInt16) -> String {
        func twoDigits(_ v: UInt16) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(1980 + Int(code >> 9))-\(twoDigits((code >> 5) & 0x0F))-\(twoDigits(code & 0x1F))"
    }

    /// 7.23.1
    static let chemistries = [
        "Other", "Unknown", "Lead Acid", "Nickel Cadmium", "Nickel Metal Hydride", "Lithium Ion", "Zinc Air",
        "Lithium Polymer",
    ]
}
