/// SMBIOS 7.18 Memory Device (type 17): one memory socket and the module in it.
///
/// When the socket is empty (size "No Module Installed") the fields that describe the module (speed and
/// everything after it) are left nil, as dmidecode leaves them out: firmware fills them with placeholders.
public struct MemoryDevice: Sendable, Equatable, Codable {
    public var handle: UInt16
    /// The Physical Memory Array (type 16) the device belongs to.
    public var arrayHandle: UInt16
    /// The type 18/33 structure holding the last error; nil when none is provided or no error was seen.
    public var errorInformationHandle: UInt16?
    public var totalWidthBits: Int?
    public var dataWidthBits: Int?
    /// nil when no module is installed or its size is unknown.
    public var sizeBytes: UInt64?
    public var formFactor: String?
    /// The set of devices that must be populated together; nil for none or unknown.
    public var set: Int?
    public var locator: String?
    public var bankLocator: String?
    public var type: String?
    public var typeDetail: [String]
    public var speedMts: Int?
    public var manufacturer: String?
    public var serialNumber: String?
    public var assetTag: String?
    public var partNumber: String?
    public var rank: Int?
    public var configuredSpeedMts: Int?
    public var minimumVoltageV: Double?
    public var maximumVoltageV: Double?
    public var configuredVoltageV: Double?
    public var memoryTechnology: String?
    public var operatingModeCapability: [String]
    public var firmwareVersion: String?
    /// JEDEC JEP-106 code as "Bank N, Hex 0xXX".
    public var moduleManufacturerId: String?
    public var moduleProductId: UInt16?
    /// JEDEC JEP-106 code as "Bank N, Hex 0xXX".
    public var memorySubsystemControllerManufacturerId: String?
    public var memorySubsystemControllerProductId: UInt16?
    public var nonVolatileSizeBytes: UInt64?
    public var volatileSizeBytes: UInt64?
    public var cacheSizeBytes: UInt64?
    public var logicalSizeBytes: UInt64?

    public init?(_ s: SMBIOSStructure, _ context: DMIContext) {
        typealias D = MemoryDeviceDecoder
        guard s.type == 17, s.length >= 0x15 else { return nil }
        handle = s.handle
        arrayHandle = s.word(0x04)!
        errorInformationHandle = MemoryErrorHandle(s.word(0x06)!).handle
        totalWidthBits = D.width(s.word(0x08)!)
        dataWidthBits = D.width(s.word(0x0A)!)
        sizeBytes = D.size(s).bytes
        formFactor = DMIFormat.factName(D.formFactor(s.byte(0x0E)!))
        let setCode = s.byte(0x0F)!
        set = setCode == 0 || setCode == 0xFF ? nil : Int(setCode)
        locator = s.string(at: 0x10)?.value
        bankLocator = s.string(at: 0x11)?.value
        type = DMIFormat.factName(D.memoryType(s.byte(0x12)!))
        typeDetail = D.typeDetail(s.word(0x13)!)
        operatingModeCapability = []
        guard s.length >= 0x17, s.word(0x0C)! != 0 else { return }
        speedMts = D.speed(s, 0x15, extended: 0x54)
        guard s.length >= 0x1B else { return }
        manufacturer = s.string(at: 0x17)?.value
        serialNumber = s.string(at: 0x18)?.value
        assetTag = s.string(at: 0x19)?.value
        partNumber = s.string(at: 0x1A)?.value
        guard s.length >= 0x1C else { return }
        rank = D.rank(s.byte(0x1B)!)
        guard s.length >= 0x22 else { return }
        configuredSpeedMts = D.speed(s, 0x20, extended: 0x58)
        guard s.length >= 0x28 else { return }
        minimumVoltageV = D.voltage(s.word(0x22)!)
        maximumVoltageV = D.voltage(s.word(0x24)!)
        configuredVoltageV = D.voltage(s.word(0x26)!)
        guard s.length >= 0x34 else { return }
        memoryTechnology = DMIFormat.factName(D.technology(s.byte(0x28)!))
        operatingModeCapability = D.operatingModes(s.word(0x29)!)
        firmwareVersion = s.string(at: 0x2B)?.value
        moduleManufacturerId = D.manufacturerID(s.word(0x2C)!)
        moduleProductId = D.productID(s.word(0x2E)!)
        memorySubsystemControllerManufacturerId = D.manufacturerID(s.word(0x30)!)
        memorySubsystemControllerProductId = D.productID(s.word(0x32)!)
        nonVolatileSizeBytes = s.qword(0x34).flatMap(D.regionSize)
        volatileSizeBytes = s.qword(0x3C).flatMap(D.regionSize)
        cacheSizeBytes = s.qword(0x44).flatMap(D.regionSize)
        logicalSizeBytes = s.qword(0x4C).flatMap(D.regionSize)
    }
}

enum MemoryDeviceDecoder: DMIStructureDecoder {
    static let type: UInt8 = 17

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("Memory Device")
        guard s.length >= 0x15 else { return }
        out.attr("Array Handle", "0x\(hex(s.word(0x04)!, width: 4))")
        out.attr("Error Information Handle", MemoryErrorHandle(s.word(0x06)!).text)
        out.attr("Total Width", width(s.word(0x08)!).map { "\($0) bits" } ?? "Unknown")
        out.attr("Data Width", width(s.word(0x0A)!).map { "\($0) bits" } ?? "Unknown")
        out.attr("Size", size(s).text)
        out.attr("Form Factor", formFactor(s.byte(0x0E)!))
        let setCode = s.byte(0x0F)!
        out.attr("Set", setCode == 0 ? "None" : setCode == 0xFF ? "Unknown" : "\(setCode)")
        out.attr("Locator", s.string(at: 0x10)!.text)
        out.attr("Bank Locator", s.string(at: 0x11)!.text)
        out.attr("Type", memoryType(s.byte(0x12)!))
        let details = typeDetail(s.word(0x13)!)
        out.attr("Type Detail", details.isEmpty ? "None" : details.joined(separator: " "))
        // An empty socket: what follows describes no module.
        guard s.length >= 0x17, s.word(0x0C)! != 0 else { return }
        out.attr("Speed", speedText(speed(s, 0x15, extended: 0x54)))
        guard s.length >= 0x1B else { return }
        out.attr("Manufacturer", s.string(at: 0x17)!.text)
        out.attr("Serial Number", s.string(at: 0x18)!.text)
        out.attr("Asset Tag", s.string(at: 0x19)!.text)
        out.attr("Part Number", s.string(at: 0x1A)!.text)
        guard s.length >= 0x1C else { return }
        out.attr("Rank", rank(s.byte(0x1B)!).map { "\($0)" } ?? "Unknown")
        guard s.length >= 0x22 else { return }
        out.attr("Configured Memory Speed", speedText(speed(s, 0x20, extended: 0x58)))
        guard s.length >= 0x28 else { return }
        out.attr("Minimum Voltage", voltageText(s.word(0x22)!))
        out.attr("Maximum Voltage", voltageText(s.word(0x24)!))
        out.attr("Configured Voltage", voltageText(s.word(0x26)!))
        guard s.length >= 0x34 else { return }
        out.attr("Memory Technology", technology(s.byte(0x28)!))
        let modeCode = s.word(0x29)!
        out.attr("Memory Operating Mode Capability",
                 modeCode & 0xFFFE == 0 ? "None" : operatingModes(modeCode).joined(separator: " "))
        out.attr("Firmware Version", s.string(at: 0x2B)!.text)
        out.attr("Module Manufacturer ID", manufacturerID(s.word(0x2C)!) ?? "Unknown")
        out.attr("Module Product ID", productIDText(s.word(0x2E)!))
        out.attr("Memory Subsystem Controller Manufacturer ID", manufacturerID(s.word(0x30)!) ?? "Unknown")
        out.attr("Memory Subsystem Controller Product ID", productIDText(s.word(0x32)!))
        let regions = [(0x34, "Non-Volatile Size"), (0x3C, "Volatile Size"), (0x44, "Cache Size"), (0x4C, "Logical Size")]
        for (offset, name) in regions {
            guard s.length >= offset + 8 else { return }
            out.attr(name, regionSizeText(s.qword(offset)!))
        }
    }

    /// A width in bits; 0 (no module) and 0xFFFF mean unknown.
    static func width(_ code: UInt16) -> Int? {
        code == 0 || code == 0xFFFF ? nil : Int(code)
    }

    enum Size: Equatable {
        case notInstalled
        case unknown
        case kilobytes(UInt64)
        /// The 2.7 extended size, in MB, used when the size word reads 0x7FFF (32 GB and more).
        case extendedMegabytes(UInt32)

        var bytes: UInt64? {
            switch self {
            case .notInstalled, .unknown: return nil
            case .kilobytes(let kB): return kB << 10
            case .extendedMegabytes(let mB): return UInt64(mB) << 20
            }
        }

        var text: String {
            switch self {
            case .notInstalled: return "No Module Installed"
            case .unknown: return "Unknown"
            case .kilobytes(let kB): return DMIFormat.memorySize(kB, shift: 1)
            // The largest unit that shows the value exactly.
            case .extendedMegabytes(let mB):
                if mB & 0x3FF != 0 { return "\(mB) MB" }
                if mB & 0xFFC00 != 0 { return "\(mB >> 10) GB" }
                return "\(mB >> 20) TB"
            }
        }
    }

    /// The size word counts MB, or kB when its bit 15 is set.
    static func size(_ s: SMBIOSStructure) -> Size {
        let code = s.word(0x0C)!
        if s.length >= 0x20 && code == 0x7FFF { return .extendedMegabytes(s.dword(0x1C)! & 0x7FFF_FFFF) }
        if code == 0 { return .notInstalled }
        if code == 0xFFFF { return .unknown }
        let value = UInt64(code & 0x7FFF)
        return .kilobytes(code & 0x8000 != 0 ? value : value << 10)
    }

    /// A speed in MT/s; the word reads 0xFFFF when the speed is in the 3.3 extended dword instead.
    static func speed(_ s: SMBIOSStructure, _ offset: Int, extended: Int) -> Int? {
        let code = s.word(offset)!
        if code == 0xFFFF {
            let wide = s.length >= 0x5C ? s.dword(extended)! : 0
            return wide == 0 ? nil : Int(wide)
        }
        return code == 0 ? nil : Int(code)
    }

    static func speedText(_ speed: Int?) -> String {
        speed.map { "\($0) MT/s" } ?? "Unknown"
    }

    static func rank(_ code: UInt8) -> Int? {
        code & 0x0F == 0 ? nil : Int(code & 0x0F)
    }

    /// A voltage in mV; 0 means unknown.
    static func voltage(_ code: UInt16) -> Double? {
        code == 0 ? nil : Double(code) / 1000
    }

    /// Volts with as many decimals as needed (at least one), as printf's `%g`/`%.1f` show mV / 1000.
    static func voltageText(_ code: UInt16) -> String {
        if code == 0 { return "Unknown" }
        let millis = Int(code % 1000)
        var fraction = String(millis + 1000).dropFirst()
        if code % 100 == 0 {
            fraction = fraction.prefix(1)
        } else {
            while fraction.last == "0" { fraction = fraction.dropLast() }
        }
        return "\(code / 1000).\(fraction) V"
    }

    /// 7.18.8, 7.18.10: JEP-106 bank (from the continuation-code count) and manufacturer code.
    static func manufacturerID(_ code: UInt16) -> String? {
        code == 0 ? nil : "Bank \((code & 0x7F) + 1), Hex 0x\(hex2(UInt8(code >> 8)))"
    }

    /// 7.18.9, 7.18.11
    static func productID(_ code: UInt16) -> UInt16? {
        code == 0 ? nil : code
    }

    static func productIDText(_ code: UInt16) -> String {
        productID(code).map { "0x\(hex($0, width: 4))" } ?? "Unknown"
    }

    /// 7.18.12, 7.18.13: bytes; all ones means unknown, zero means none.
    static func regionSize(_ code: UInt64) -> UInt64? {
        code == UInt64.max ? nil : code
    }

    static func regionSizeText(_ code: UInt64) -> String {
        switch regionSize(code) {
        case nil: return "Unknown"
        case 0: return "None"
        case let bytes?: return DMIFormat.memorySize(bytes)
        }
    }

    /// 7.18.1
    static func formFactor(_ code: UInt8) -> String {
        DMIFormat.name(Int(code), [
            "Other", "Unknown", "SIMM", "SIP", "Chip", "DIP", "ZIP", "Proprietary Card", "DIMM", "TSOP",
            "Row Of Chips", "RIMM", "SODIMM", "SRIMM", "FB-DIMM", "Die",
        ])
    }

    /// 7.18.2
    static func memoryType(_ code: UInt8) -> String {
        DMIFormat.name(Int(code), memoryTypes)
    }

    static let memoryTypes = [
        "Other", "Unknown", "DRAM", "EDRAM", "VRAM", "SRAM", "RAM", "ROM", "Flash", "EEPROM", "FEPROM", "EPROM",
        "CDRAM", "3DRAM", "SDRAM", "SGRAM", "RDRAM", "DDR", "DDR2", "DDR2 FB-DIMM", "Reserved", "Reserved",
        "Reserved", "DDR3", "FBD2", "DDR4", "LPDDR", "LPDDR2", "LPDDR3", "LPDDR4", "Logical non-volatile device",
        "HBM", "HBM2", "DDR5", "LPDDR5",
    ]

    /// 7.18.3: bits 1-15 (bit 0 is reserved).
    static func typeDetail(_ code: UInt16) -> [String] {
        DMIFormat.setBits(UInt64(code), typeDetails, first: 1)
    }

    static let typeDetails = [
        "Other", "Unknown", "Fast-paged", "Static Column", "Pseudo-static", "RAMBus", "Synchronous", "CMOS", "EDO",
        "Window DRAM", "Cache DRAM", "Non-Volatile", "Registered (Buffered)", "Unbuffered (Unregistered)", "LRDIMM",
    ]

    /// 7.18.6
    static func technology(_ code: UInt8) -> String {
        DMIFormat.name(Int(code), [
            "Other", "Unknown", "DRAM", "NVDIMM-N", "NVDIMM-F", "NVDIMM-P", "Intel Optane DC persistent memory",
        ])
    }

    /// 7.18.7: bits 1-5 (bit 0 is reserved).
    static func operatingModes(_ code: UInt16) -> [String] {
        DMIFormat.setBits(UInt64(code), [
            "Other", "Unknown", "Volatile memory", "Byte-accessible persistent memory",
            "Block-accessible persistent memory",
        ], first: 1)
    }
}
