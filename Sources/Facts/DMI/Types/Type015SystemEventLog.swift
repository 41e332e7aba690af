/// SMBIOS 7.16 System Event Log (type 15): where the log lives and how its entries are described.
/// Text only; the log itself is outside the table and is not read.
enum SystemEventLogDecoder: DMIStructureDecoder {
    static let type: UInt8 = 15

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("System Event Log")
        guard s.length >= 0x14 else { return }
        let headerStart = s.word(0x06)!
        let dataStart = s.word(0x08)!
        let method = s.byte(0x0A)!
        out.attr("Area Length", "\(s.word(0x04)!) bytes")
        out.attr("Header Start Offset", "0x\(hex(headerStart, width: 4))")
        if let headerLength = headerLength(headerStart: headerStart, dataStart: dataStart) {
            out.attr("Header Length", headerLength)
        }
        out.attr("Data Start Offset", "0x\(hex(dataStart, width: 4))")
        out.attr("Access Method", accessMethod(method))
        out.attr("Access Address", accessAddress(method, s.bytes(0x10, 4)!))
        let status = s.byte(0x0B)!
        out.attr("Status", "\(status & 0x01 != 0 ? "Valid" : "Invalid"), \(status & 0x02 != 0 ? "Full" : "Not Full")")
        out.attr("Change Token", "0x\(hex(s.dword(0x0C)!, width: 8))")
        guard s.length >= 0x17 else { return }
        let count = Int(s.byte(0x15)!)
        let descriptorLength = Int(s.byte(0x16)!)
        out.attr("Header Format", headerFormat(s.byte(0x14)!))
        out.attr("Supported Log Type Descriptors", "\(count)")
        guard s.length >= 0x17 + count * descriptorLength, descriptorLength >= 2 else { return }
        for i in 0..<count {
            let offset = 0x17 + i * descriptorLength
            out.attr("Descriptor \(i + 1)", descriptorType(s.byte(offset)!))
            out.attr("Data Format \(i + 1)", descriptorFormat(s.byte(offset + 1)!))
        }
    }

    /// The header is what lies between its start and the data; nothing is printed when they coincide.
    /// A data start before the header start is shown as dmidecode shows it: the difference taken as an
    /// unsigned 32-bit number.
    static func headerLength(headerStart: UInt16, dataStart: UInt16) -> String? {
        let length = Int32(dataStart) - Int32(headerStart)
        if length == 0 { return nil }
        return "\(UInt32(bitPattern: length)) byte\(length > 1 ? "s" : "")"
    }

    /// 7.16.3
    static func accessMethod(_ code: UInt8) -> String {
        if code >= 0x80 { return "OEM-specific" }
        return DMIFormat.name(Int(code), [
            "Indexed I/O, one 8-bit index port, one 8-bit data port",
            "Indexed I/O, two 8-bit index ports, one 8-bit data port",
            "Indexed I/O, one 16-bit index port, one 8-bit data port",
            "Memory-mapped physical 32-bit address",
            "General-purpose non-volatile data functions",
        ], first: 0)
    }

    /// 7.16.3: I/O index and data ports, a physical address, or a GPNV handle.
    static func accessAddress(_ method: UInt8, _ bytes: [UInt8]) -> String {
        let reader = ByteReader(bytes)
        switch method {
        case 0x00, 0x01, 0x02:
            return "Index 0x\(hex(reader.word(0)!, width: 4)), Data 0x\(hex(reader.word(2)!, width: 4))"
        case 0x03: return "0x\(hex(reader.dword(0)!, width: 8))"
        case 0x04: return "0x\(hex(reader.word(0)!, width: 4))"
        default: return "Unknown"
        }
    }

    /// 7.16.5
    static func headerFormat(_ code: UInt8) -> String {
        if code >= 0x80 { return "OEM-specific" }
        return DMIFormat.name(Int(code), ["No Header", "Type 1"], first: 0)
    }

    /// 7.16.6.1; codes 0x00 and 0x0F are reserved.
    static func descriptorType(_ code: UInt8) -> String {
        switch code {
        case 0x01...0x0E, 0x10...0x17: return descriptorTypes[Int(code)]
        case 0x80...0xFE: return "OEM-specific"
        case 0xFF: return "End of log"
        default: return DMIFormat.outOfSpec
        }
    }

    /// 7.16.6.2
    static func descriptorFormat(_ code: UInt8) -> String {
        if code >= 0x80 { return "OEM-specific" }
        return DMIFormat.name(Int(code), [
            "None", "Handle", "Multiple-event", "Multiple-event handle", "POST results bitmap",
            "System management", "Multiple-event system management",
        ], first: 0)
    }

    /// Indexed by code; the reserved 0x00 and 0x0F are never looked up.
    static let descriptorTypes = [
        DMIFormat.outOfSpec, "Single-bit ECC memory error", "Multi-bit ECC memory error", "Parity memory error",
        "Bus timeout", "I/O channel block", "Software NMI", "POST memory resize", "POST error",
        "PCI parity error", "PCI system error", "CPU failure", "EISA failsafe timer timeout",
        "Correctable memory log disabled", "Logging disabled", DMIFormat.outOfSpec, "System limit exceeded",
        "Asynchronous hardware timer expired", "System configuration information", "Hard disk information",
        "System reconfigured", "Uncorrectable CPU-complex error", "Log area reset/cleared", "System boot",
    ]
}
