/// SMBIOS 7.10 System Slots (type 9).
public struct SystemSlot: Sendable, Equatable, Codable {
    public var handle: UInt16
    public var designation: String?
    /// The slot type ("PCI Express 3 x16").
    public var type: String?
    /// The slot data bus width ("x16", "64-bit", "Unknown").
    public var dataBusWidth: String?
    public var currentUsage: String?
    public var length: String?
    /// The slot ID as dmidecode prints it ("1", "Adapter 1, Socket 0"); nil for slot types without one.
    public var id: String?
    /// Empty when the firmware reports none or does not know them.
    public var characteristics: [String]
    /// `segment:bus:device.function`, lower-case hex; nil when not provided.
    public var busAddress: String?
    /// The base data bus width (SMBIOS 3.2): lanes for PCI Express, bits otherwise.
    public var dataBusWidthBits: Int?
    /// Peer devices (SMBIOS 3.2), as dmidecode prints them: "0000:65:00.1 (Width 8)".
    public var peerDevices: [String]
    /// SMBIOS 3.4 fields, nil when absent or zero.
    public var pciExpressGeneration: Int?
    public var slotPhysicalWidth: String?
    public var pitchMillimeters: Double?
    public var height: String?

    public init?(_ s: SMBIOSStructure, _ context: DMIContext) {
        guard s.type == 9, s.length >= 0x0C else { return nil }
        let slotType = s.byte(0x05)!
        handle = s.handle
        designation = s.string(at: 0x04)?.value
        type = DMIFormat.factName(Self.slotType(slotType))
        dataBusWidth = DMIFormat.factName(Self.busWidth(s.byte(0x06)!))
        currentUsage = DMIFormat.factName(Self.currentUsage(s.byte(0x07)!))
        length = DMIFormat.factName(Self.slotLength(s.byte(0x08)!))
        id = Self.id(s.byte(0x09)!, s.byte(0x0A)!, type: slotType)
        if case .list(let items) = Self.characteristics(s) {
            characteristics = items
        } else {
            characteristics = []
        }
        busAddress = Self.busAddress(s)
        dataBusWidthBits = s.length >= 0x13 ? Int(s.byte(0x11)!) : nil
        peerDevices = Self.peerDevices(s) ?? []
        if let ext = Self.extended(s) {
            pciExpressGeneration = Self.pciExpressGeneration(ext.information, type: slotType)
            slotPhysicalWidth = ext.physicalWidth == 0 ? nil : Self.busWidth(ext.physicalWidth)
            pitchMillimeters = ext.pitch == 0 ? nil : Double(ext.pitch) / 100
            height = ext.height.map(Self.height)
        }
    }

    /// 7.10.1
    static func slotType(_ code: UInt8) -> String {
        switch code {
        case 0x01...0x28: return slotTypes[Int(code) - 0x01]
        case 0x30: return "CXL FLexbus 1.0"
        case 0xA0...0xC6: return slotTypesA0[Int(code) - 0xA0]
        default: return DMIFormat.outOfSpec
        }
    }

    /// 7.10.2
    static func busWidth(_ code: UInt8) -> String {
        DMIFormat.name(Int(code), [
            "Other", "Unknown", "8-bit", "16-bit", "32-bit", "64-bit", "128-bit", "x1", "x2", "x4", "x8", "x12",
            "x16", "x32",
        ])
    }

    /// dmidecode's Type line: the width in front of the type, unless the width is Other or Unknown.
    static func typeWithWidth(_ type: UInt8, _ width: UInt8) -> String {
        width == 0x01 || width == 0x02 ? slotType(type) : "\(busWidth(width)) \(slotType(type))"
    }

    /// 7.10.3
    static func currentUsage(_ code: UInt8) -> String {
        DMIFormat.name(Int(code), ["Other", "Unknown", "Available", "In Use", "Unavailable"])
    }

    /// 7.10.4
    static func slotLength(_ code: UInt8) -> String {
        DMIFormat.name(Int(code), [
            "Other", "Unknown", "Short", "Long", "2.5\" drive form factor", "3.5\" drive form factor",
        ])
    }

    /// 7.10.5: only MCA, EISA, PCI-family and PCMCIA slots have an ID.
    static func id(_ code1: UInt8, _ code2: UInt8, type: UInt8) -> String? {
        if type == 0x07 { return "Adapter \(code1), Socket \(code2)" }
        if type == 0x04 || type == 0x05 || pciTypes.contains(type) { return "\(code1)" }
        return nil
    }

    enum Characteristics: Equatable {
        case unknown
        case none
        case list([String])
    }

    /// 7.10.6 and 7.10.7; the second byte exists from SMBIOS 2.1 on.
    static func characteristics(_ s: SMBIOSStructure) -> Characteristics {
        let code1 = s.byte(0x0B)!
        let code2 = s.byte(0x0C) ?? 0
        if code1 & 0x01 != 0 { return .unknown }
        if code1 & 0xFE == 0 && code2 & 0x07 == 0 { return .none }
        return .list(DMIFormat.setBits(UInt64(code1), characteristics1, first: 1)
            + DMIFormat.setBits(UInt64(code2), characteristics2))
    }

    /// 7.10.8: all ones means the slot has no bus address.
    static func busAddress(_ s: SMBIOSStructure) -> String? {
        guard s.length >= 0x11 else { return nil }
        let segment = s.word(0x0D)!
        let bus = s.byte(0x0F)!
        let devfn = s.byte(0x10)!
        if segment == 0xFFFF && bus == 0xFF && devfn == 0xFF { return nil }
        return pciAddress(segment, bus, devfn)
    }

    static func pciAddress(_ segment: UInt16, _ bus: UInt8, _ devfn: UInt8) -> String {
        "\(hex(segment, width: 4)):\(hex(bus, width: 2)):\(hex(devfn >> 3, width: 2)).\(devfn & 0x07)".lowercased()
    }

    /// The peer device groups, or nil when the structure has no count or cannot hold the announced groups.
    static func peerDevices(_ s: SMBIOSStructure) -> [String]? {
        guard s.length >= 0x13 else { return nil }
        let count = Int(s.byte(0x12)!)
        guard s.length >= 0x13 + count * 5 else { return nil }
        return (0..<count).map { i in
            let group = s.bytes(0x13 + 5 * i, 5)!
            let segment = UInt16(group[0]) | UInt16(group[1]) << 8
            return "\(pciAddress(segment, group[2], group[3])) (Width \(group[4]))"
        }
    }

    /// The SMBIOS 3.4 fields after the peer groups; height is the last and may be missing.
    static func extended(_ s: SMBIOSStructure)
        -> (information: UInt8, physicalWidth: UInt8, pitch: UInt16, height: UInt8?)?
    {
        guard s.length >= 0x13 else { return nil }
        let base = 0x13 + Int(s.byte(0x12)!) * 5
        guard s.length >= base + 4 else { return nil }
        return (s.byte(base)!, s.byte(base + 1)!, s.word(base + 2)!, s.byte(base + 4))
    }

    /// The Slot Information byte is the PCI Express generation for PCI Express slots.
    static func pciExpressGeneration(_ code: UInt8, type: UInt8) -> Int? {
        code != 0 && pciExpressTypes.contains(type) ? Int(code) : nil
    }

    static func height(_ code: UInt8) -> String {
        DMIFormat.name(Int(code), ["Not applicable", "Other", "Unknown", "Full height", "Low-profile"], first: 0)
    }

    static let slotTypes = [
        "Other", "Unknown", "ISA", "MCA", "EISA", "PCI", "PC Card (PCMCIA)", "VLB", "Proprietary",
        "Processor Card", "Proprietary Memory Card", "I/O Riser Card", "NuBus", "PCI-66", "AGP", "AGP 2x",
        "AGP 4x", "PCI-X", "AGP 8x", "M.2 Socket 1-DP", "M.2 Socket 1-SD", "M.2 Socket 2", "M.2 Socket 3",
        "MXM Type I", "MXM Type II", "MXM Type III", "MXM Type III-HE", "MXM Type IV", "MXM 3.0 Type A",
        "MXM 3.0 Type B", "PCI Express 2 SFF-8639 (U.2)", "PCI Express 3 SFF-8639 (U.2)",
        "PCI Express Mini 52-pin with bottom-side keep-outs", "PCI Express Mini 52-pin without bottom-side keep-outs",
        "PCI Express Mini 76-pin", "PCI Express 4 SFF-8639 (U.2)", "PCI Express 5 SFF-8639 (U.2)",
        "OCP NIC 3.0 Small Form Factor (SFF)", "OCP NIC 3.0 Large Form Factor (LFF)", "OCP NIC Prior to 3.0",
    ]
    static let slotTypesA0 = [
        "PC-98/C20", "PC-98/C24", "PC-98/E", "PC-98/Local Bus", "PC-98/Card", "PCI Express", "PCI Express x1",
        "PCI Express x2", "PCI Express x4", "PCI Express x8", "PCI Express x16", "PCI Express 2",
        "PCI Express 2 x1", "PCI Express 2 x2", "PCI Express 2 x4", "PCI Express 2 x8", "PCI Express 2 x16",
        "PCI Express 3", "PCI Express 3 x1", "PCI Express 3 x2", "PCI Express 3 x4", "PCI Express 3 x8",
        "PCI Express 3 x16", DMIFormat.outOfSpec, "PCI Express 4", "PCI Express 4 x1", "PCI Express 4 x2",
        "PCI Express 4 x4", "PCI Express 4 x8", "PCI Express 4 x16", "PCI Express 5", "PCI Express 5 x1",
        "PCI Express 5 x2", "PCI Express 5 x4", "PCI Express 5 x8", "PCI Express 5 x16", "PCI Express 6+",
        "EDSFF E1", "EDSFF E3",
    ]
    /// PCI Express slot types whose Slot Information byte is the generation (as of SMBIOS 3.4).
    static let pciExpressTypes: Set<UInt8> = Set(Array(0x1F...0x23) + Array(0xA5...0xB6) + Array(0xB8...0xC4))
    /// Slot types whose ID is a PCI(-like) slot number.
    static let pciTypes: Set<UInt8> = pciExpressTypes.union([0x06, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13])
    static let characteristics1 = [
        "5.0 V is provided", "3.3 V is provided", "Opening is shared", "PC Card-16 is supported",
        "Cardbus is supported", "Zoom Video is supported", "Modem ring resume is supported",
    ]
    static let characteristics2 = [
        "PME signal is supported", "Hot-plug devices are supported", "SMBus signal is supported",
        "PCIe slot bifurcation is supported", "Async/surprise removal is supported",
        "Flexbus slot, CXL 1.0 capable", "Flexbus slot, CXL 2.0 capable",
    ]
}

enum SystemSlotDecoder: DMIStructureDecoder {
    static let type: UInt8 = 9

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("System Slot Information")
        guard let slot = SystemSlot(s, context) else { return }
        let slotType = s.byte(0x05)!
        out.attr("Designation", s.string(at: 0x04)!.text)
        out.attr("Type", SystemSlot.typeWithWidth(slotType, s.byte(0x06)!))
        out.attr("Current Usage", SystemSlot.currentUsage(s.byte(0x07)!))
        out.attr("Length", SystemSlot.slotLength(s.byte(0x08)!))
        if let id = slot.id { out.attr("ID", id) }
        switch SystemSlot.characteristics(s) {
        case .unknown: out.attr("Characteristics", "Unknown")
        case .none: out.attr("Characteristics", "None")
        case .list(let items): out.list("Characteristics", items)
        }
        guard s.length >= 0x11 else { return }
        if let address = slot.busAddress { out.attr("Bus Address", address) }
        guard s.length >= 0x13 else { return }
        out.attr("Data Bus Width", "\(s.byte(0x11)!)")
        out.attr("Peer Devices", "\(s.byte(0x12)!)")
        guard let peers = SystemSlot.peerDevices(s) else { return }
        for (i, peer) in peers.enumerated() { out.attr("Peer Device \(i + 1)", peer) }
        guard let ext = SystemSlot.extended(s) else { return }
        if let generation = slot.pciExpressGeneration { out.attr("PCI Express Generation", "\(generation)") }
        if let width = slot.slotPhysicalWidth { out.attr("Slot Physical Width", width) }
        if ext.pitch != 0 { out.attr("Pitch", "\(ext.pitch / 100).\(twoDigits(ext.pitch % 100)) mm") }
        if let height = slot.height { out.attr("Height", height) }
    }

    /// Two decimal digits (printf's `%02u`).
    static func twoDigits(_ value: UInt16) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
