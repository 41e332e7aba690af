/// SMBIOS 7.1 BIOS Information (type 0).
public struct BIOSInformation: Sendable, Equatable, Codable {
    public var vendor: String?
    public var version: String?
    public var releaseDate: String?
    /// Real-mode segment address of the BIOS image; nil on UEFI systems, which have none.
    public var address: UInt32?
    public var runtimeSizeBytes: UInt64?
    public var romSizeBytes: UInt64?
    public var characteristics: [String]
    public var biosRevision: String?
    public var firmwareRevision: String?

    public init?(_ s: SMBIOSStructure) {
        guard s.type == 0, s.length >= 0x12 else { return nil }
        vendor = s.string(at: 0x04)?.value
        version = s.string(at: 0x05)?.value
        releaseDate = s.string(at: 0x08)?.value
        let segment = s.word(0x06)!
        if segment != 0 {
            address = UInt32(segment) << 4
            runtimeSizeBytes = UInt64(0x10000 - UInt32(segment)) << 4
        }
        let romCode = s.byte(0x09)!
        if romCode != 0xFF {
            romSizeBytes = (UInt64(romCode) + 1) << 16
        } else {
            // 0xFF means "16 MB or more": the extended size (3.1) says how much; older tables stop at 16 MB.
            let extended = s.word(0x18) ?? 16
            let shift: UInt64? = [20, 30][safe: Int(extended >> 14)]
            romSizeBytes = shift.map { UInt64(extended & 0x3FFF) << $0 }
        }
        characteristics = Self.characteristics(s)
        if s.length >= 0x18 {
            biosRevision = Self.revision(s.byte(0x14)!, s.byte(0x15)!)
            firmwareRevision = Self.revision(s.byte(0x16)!, s.byte(0x17)!)
        }
    }

    static func revision(_ major: UInt8, _ minor: UInt8) -> String? {
        major != 0xFF && minor != 0xFF ? "\(major).\(minor)" : nil
    }

    /// 7.1.1, 7.1.2.1 and 7.1.2.2 flattened into one list, as dmidecode lists them.
    static func characteristics(_ s: SMBIOSStructure) -> [String] {
        let base = s.qword(0x0A)!
        var list: [String]
        // Bit 3 means "characteristics not supported"; the other bits are then meaningless.
        if base & (1 << 3) != 0 {
            list = ["BIOS characteristics not supported"]
        } else {
            list = DMIFormat.setBits(base, baseCharacteristics, first: 4)
        }
        if let x1 = s.byte(0x12) { list += DMIFormat.setBits(UInt64(x1), extension1) }
        if let x2 = s.byte(0x13) { list += DMIFormat.setBits(UInt64(x2), extension2) }
        return list
    }

    static let baseCharacteristics = [
        "ISA is supported", "MCA is supported", "EISA is supported", "PCI is supported",
        "PC Card (PCMCIA) is supported", "PNP is supported", "APM is supported", "BIOS is upgradeable",
        "BIOS shadowing is allowed", "VLB is supported", "ESCD support is available", "Boot from CD is supported",
        "Selectable boot is supported", "BIOS ROM is socketed", "Boot from PC Card (PCMCIA) is supported",
        "EDD is supported", "Japanese floppy for NEC 9800 1.2 MB is supported (int 13h)",
        "Japanese floppy for Toshiba 1.2 MB is supported (int 13h)",
        "5.25\"/360 kB floppy services are supported (int 13h)",
        "5.25\"/1.2 MB floppy services are supported (int 13h)",
        "3.5\"/720 kB floppy services are supported (int 13h)",
        "3.5\"/2.88 MB floppy services are supported (int 13h)",
        "Print screen service is supported (int 5h)", "8042 keyboard services are supported (int 9h)",
        "Serial services are supported (int 14h)", "Printer services are supported (int 17h)",
        "CGA/mono video services are supported (int 10h)", "NEC PC-98",
    ]
    static let extension1 = [
        "ACPI is supported", "USB legacy is supported", "AGP is supported", "I2O boot is supported",
        "LS-120 boot is supported", "ATAPI Zip drive boot is supported", "IEEE 1394 boot is supported",
        "Smart battery is supported",
    ]
    static let extension2 = [
        "BIOS boot specification is supported", "Function key-initiated network boot is supported",
        "Targeted content distribution is supported", "UEFI is supported", "System is a virtual machine",
        "Manufacturing mode is supported", "Manufacturing mode is enabled",
    ]
}

enum BIOSInformationDecoder: DMIStructureDecoder {
    static let type: UInt8 = 0

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("BIOS Information")
        guard let bios = BIOSInformation(s) else { return }
        out.attr("Vendor", s.string(at: 0x04)!.text)
        out.attr("Version", s.string(at: 0x05)!.text)
        out.attr("Release Date", s.string(at: 0x08)!.text)
        if let address = bios.address, let runtime = bios.runtimeSizeBytes {
            out.attr("Address", "0x\(hex(address >> 4, width: 4))0")
            out.attr("Runtime Size", runtime & 0x3FF != 0 ? "\(runtime) bytes" : "\(runtime >> 10) kB")
        }
        out.attr("ROM Size", romSize(s))
        out.list("Characteristics", bios.characteristics)
        if let revision = bios.biosRevision { out.attr("BIOS Revision", revision) }
        if let revision = bios.firmwareRevision { out.attr("Firmware Revision", revision) }
    }

    /// Sizes up to 16 MB are coded in 64 kB units; 0xFF defers to the extended size word (SMBIOS 3.1).
    static func romSize(_ s: SMBIOSStructure) -> String {
        let code = s.byte(0x09)!
        if code != 0xFF { return DMIFormat.memorySize((UInt64(code) + 1) << 6, shift: 1) }
        let extended = s.word(0x18) ?? 16
        let unit = ["MB", "GB", DMIFormat.outOfSpec, DMIFormat.outOfSpec][Int(extended >> 14)]
        return "\(extended & 0x3FFF) \(unit)"
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
