/// What the probe structures share: the voltage (type 26), temperature (type 28) and electrical current
/// (type 29) probes have one layout and differ only in units and location names; the cooling device
/// (type 27) reports its status the same way.
enum ProbeFields {
    /// 7.27.1 status, bits 7:5 of the location-and-status byte (types 26 to 29).
    static let statuses = ["Other", "Unknown", "OK", "Non-critical", "Critical", "Non-recoverable"]

    /// 7.27.1 location, bits 4:0 of the location-and-status byte (types 26 and 29).
    static let voltageLocations = [
        "Other", "Unknown", "Processor", "Disk", "Peripheral Bay", "System Management Module", "Motherboard",
        "Memory Module", "Processor Module", "Power Unit", "Add-in Card",
    ]

    static func status(_ locationAndStatus: UInt8) -> String {
        DMIFormat.name(Int(locationAndStatus >> 5), statuses)
    }

    /// A reading counted in 10^-places of `unit`; 0x8000 means unknown.
    struct Scale {
        var places: Int
        var unit: String

        func signed(_ code: UInt16) -> String {
            code == 0x8000 ? "Unknown" : "\(DMIFormat.decimal(Int(Int16(bitPattern: code)), places: places)) \(unit)"
        }

        func unsigned(_ code: UInt16) -> String {
            code == 0x8000 ? "Unknown" : "\(DMIFormat.decimal(Int(code), places: places)) \(unit)"
        }
    }

    /// The common probe layout: description, location and status, readings, accuracy, OEM data and,
    /// from 22 bytes on, the nominal value.
    static func decode(
        _ s: SMBIOSStructure, title: String, locations: [String], value: Scale, resolution: Scale,
        into out: inout DMILines
    ) {
        out.title(title)
        guard s.length >= 0x14 else { return }
        out.attr("Description", s.string(at: 0x04)!.text)
        let locationAndStatus = s.byte(0x05)!
        out.attr("Location", DMIFormat.name(Int(locationAndStatus & 0x1F), locations))
        out.attr("Status", status(locationAndStatus))
        out.attr("Maximum Value", value.signed(s.word(0x06)!))
        out.attr("Minimum Value", value.signed(s.word(0x08)!))
        out.attr("Resolution", resolution.unsigned(s.word(0x0A)!))
        out.attr("Tolerance", value.signed(s.word(0x0C)!))
        out.attr("Accuracy", accuracy(s.word(0x0E)!))
        out.attr("OEM-specific Information", "0x\(hex(s.dword(0x10)!, width: 8))")
        guard let nominal = s.word(0x14) else { return }
        out.attr("Nominal Value", value.signed(nominal))
    }

    /// Accuracy in hundredths of a percent.
    static func accuracy(_ code: UInt16) -> String {
        code == 0x8000 ? "Unknown" : "\(DMIFormat.decimal(Int(code), places: 2))%"
    }
}
