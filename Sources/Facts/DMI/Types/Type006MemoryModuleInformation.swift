/// SMBIOS 7.7 Memory Module Information (type 6, obsolete since 2.1): text only.
enum MemoryModuleInformationDecoder: DMIStructureDecoder {
    static let type: UInt8 = 6

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("Memory Module Information")
        guard s.length >= 0x0C else { return }
        out.attr("Socket Designation", s.string(at: 0x04)!.text)
        out.attr("Bank Connections", bankConnections(s.byte(0x05)!))
        let speed = s.byte(0x06)!
        out.attr("Current Speed", speed == 0 ? "Unknown" : "\(speed) ns")
        let types = moduleTypes(s.word(0x07)!)
        out.attr("Type", types.isEmpty ? "None" : types.joined(separator: " "))
        out.attr("Installed Size", size(s.byte(0x09)!))
        out.attr("Enabled Size", size(s.byte(0x0A)!))
        out.attr("Error Status", errorStatus(s.byte(0x0B)!))
    }

    /// 7.7.1, also the memory types a controller (type 5) supports; empty for none.
    static func moduleTypes(_ code: UInt16) -> [String] {
        DMIFormat.setBits(UInt64(code & 0x07FF), moduleTypeNames)
    }

    /// Two RAS lines, one per nibble; 0xF means none.
    static func bankConnections(_ code: UInt8) -> String {
        if code == 0xFF { return "None" }
        if code & 0xF0 == 0xF0 { return "\(code & 0x0F)" }
        if code & 0x0F == 0x0F { return "\(code >> 4)" }
        return "\(code >> 4) \(code & 0x0F)"
    }

    /// 7.7.2: 2^n MB (32-bit, shift count modulo 32 as dmidecode computes it), plus the bank connection.
    static func size(_ code: UInt8) -> String {
        let connection = code & 0x80 != 0 ? " (Double-bank Connection)" : " (Single-bank Connection)"
        switch code & 0x7F {
        case 0x7D: return "Not Determinable" + connection
        case 0x7E: return "Disabled" + connection
        case 0x7F: return "Not Installed"
        case let n: return "\(UInt32(1) << UInt32(n & 31)) MB" + connection
        }
    }

    static func errorStatus(_ code: UInt8) -> String {
        if code & 0x04 != 0 { return "See Event Log" }
        return ["OK", "Uncorrectable Errors", "Correctable Errors", "Correctable and Uncorrectable Errors"][
            Int(code & 0x03)]
    }

    static let moduleTypeNames = [
        "Other", "Unknown", "Standard", "FPM", "EDO", "Parity", "ECC", "SIMM", "DIMM", "Burst EDO", "SDRAM",
    ]
}
