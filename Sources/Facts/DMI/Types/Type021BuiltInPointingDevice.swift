/// SMBIOS 7.22 Built-in Pointing Device (type 21).
enum BuiltInPointingDeviceDecoder: DMIStructureDecoder {
    static let type: UInt8 = 21

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("Built-in Pointing Device")
        guard s.length >= 0x07 else { return }
        out.attr("Type", DMIFormat.name(Int(s.byte(0x04)!), deviceTypes))
        out.attr("Interface", interface(s.byte(0x05)!))
        out.attr("Buttons", "\(s.byte(0x06)!)")
    }

    /// 7.22.2: the bus mouse and newer interfaces are numbered from 0xA0.
    static func interface(_ code: UInt8) -> String {
        code >= 0xA0 ? DMIFormat.name(Int(code), interfacesFromA0, first: 0xA0) : DMIFormat.name(Int(code), interfaces)
    }

    /// 7.22.1
    static let deviceTypes = [
        "Other", "Unknown", "Mouse", "Track Ball", "Track Point", "Glide Point", "Touch Pad", "Touch Screen",
        "Optical Sensor",
    ]
    static let interfaces = [
        "Other", "Unknown", "Serial", "PS/2", "Infrared", "HIP-HIL", "Bus Mouse", "ADB (Apple Desktop Bus)",
    ]
    static let interfacesFromA0 = ["Bus Mouse DB-9", "Bus Mouse Micro DIN", "USB", "I2C", "SPI"]
}
