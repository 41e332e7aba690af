/// SMBIOS 7.39 IPMI Device Information (type 38): where the BMC's system interface is.
public struct IPMIDeviceInformation: Sendable, Equatable, Codable {
    public var handle: UInt16
    /// dmidecode's name: "KCS (Keyboard Control Style)", "SMIC (Server Management Interface Chip)",
    /// "BT (Block Transfer)" or "SSIF (SMBus System Interface)"; nil when the firmware says unknown.
    public var interfaceType: String?
    /// The IPMI version the BMC implements ("2.0").
    public var specificationVersion: String
    /// The BMC's 7-bit I2C slave address.
    public var i2cSlaveAddress: UInt8
    /// Bus ID of the non-volatile storage device; nil when there is none.
    public var nvStorageDeviceAddress: UInt8?
    /// The interface's base address, its least significant bit filled in from the base address modifier;
    /// for SSIF the 7-bit SMBus slave address.
    public var baseAddress: UInt64
    /// "I/O", "Memory" (memory-mapped), or "SMBus" for SSIF.
    public var baseAddressSpace: String
    /// How the interface's registers are laid out ("Successive Byte Boundaries", "32-bit Boundaries",
    /// "16-byte Boundaries"); nil for SSIF and for structures too short to say.
    public var registerSpacing: String?
    /// "Active High" or "Active Low"; nil when the firmware gives no interrupt information.
    public var interruptPolarity: String?
    /// "Level" or "Edge"; nil when the firmware gives no interrupt information.
    public var interruptTriggerMode: String?
    /// nil when the interface does not use an interrupt.
    public var interruptNumber: UInt8?

    public init?(_ s: SMBIOSStructure, _ context: DMIContext) {
        guard s.type == 38, s.length >= 0x10 else { return nil }
        handle = s.handle
        let type = s.byte(0x04)!
        interfaceType = type == 0 ? nil : DMIFormat.name(Int(type), Self.interfaceTypes, first: 0)
        let revision = s.byte(0x05)!
        specificationVersion = "\(revision >> 4).\(revision & 0x0F)"
        i2cSlaveAddress = s.byte(0x06)! >> 1
        let nvStorage = s.byte(0x07)!
        nvStorageDeviceAddress = nvStorage == 0xFF ? nil : nvStorage
        // Byte 10h (from 2.3 on) holds the base address modifier and the interrupt information.
        let modifier = s.byte(0x10)
        if type == Self.ssif {
            baseAddress = UInt64(s.byte(0x08)! >> 1)
            baseAddressSpace = "SMBus"
        } else {
            // Bit 0 of the address says I/O or memory space; the address's own LSB is in the modifier.
            let address = s.qword(0x08)!
            baseAddress = address & ~1 | UInt64((modifier ?? 0) >> 4 & 1)
            baseAddressSpace = address & 1 != 0 ? "I/O" : "Memory"
        }
        if let modifier, s.length >= 0x12, type != Self.ssif {
            registerSpacing = Self.registerSpacings[Int(modifier >> 6)]
            if modifier & (1 << 3) != 0 {
                interruptPolarity = modifier & (1 << 1) != 0 ? "Active High" : "Active Low"
                interruptTriggerMode = modifier & 1 != 0 ? "Level" : "Edge"
            }
        }
        if let interrupt = s.byte(0x11), s.length >= 0x12, interrupt != 0 { interruptNumber = interrupt }
    }

    static let ssif: UInt8 = 0x04

    /// 7.39.1 and IPMI 2.0 table C1-2.
    static let interfaceTypes = [
        "Unknown", "KCS (Keyboard Control Style)", "SMIC (Server Management Interface Chip)", "BT (Block Transfer)",
        "SSIF (SMBus System Interface)",
    ]
    /// IPMI 2.0 table C1-1 (bits 7:6 of the base address modifier).
    static let registerSpacings = [
        "Successive Byte Boundaries", "32-bit Boundaries", "16-byte Boundaries", DMIFormat.outOfSpec,
    ]
}

enum IPMIDeviceInformationDecoder: DMIStructureDecoder {
    static let type: UInt8 = 38

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("IPMI Device Information")
        guard let ipmi = IPMIDeviceInformation(s, context) else { return }
        out.attr("Interface Type", ipmi.interfaceType ?? "Unknown")
        out.attr("Specification Version", ipmi.specificationVersion)
        out.attr("I2C Slave Address", "0x" + hex(ipmi.i2cSlaveAddress, width: 2).lowercased())
        if let nvStorage = ipmi.nvStorageDeviceAddress {
            out.attr("NV Storage Device Address", "\(nvStorage)")
        } else {
            out.attr("NV Storage Device", "Not Present")
        }
        switch ipmi.baseAddressSpace {
        case "SMBus": out.attr("Base Address", "0x\(hex(ipmi.baseAddress, width: 2)) (SMBus)")
        case "I/O": out.attr("Base Address", "0x\(hex(ipmi.baseAddress, width: 16)) (I/O)")
        default: out.attr("Base Address", "0x\(hex(ipmi.baseAddress, width: 16)) (Memory-mapped)")
        }
        if let spacing = ipmi.registerSpacing { out.attr("Register Spacing", spacing) }
        if let polarity = ipmi.interruptPolarity, let trigger = ipmi.interruptTriggerMode {
            out.attr("Interrupt Polarity", polarity)
            out.attr("Interrupt Trigger Mode", trigger)
        }
        if let interrupt = ipmi.interruptNumber { out.attr("Interrupt Number", "\(interrupt)") }
    }
}
