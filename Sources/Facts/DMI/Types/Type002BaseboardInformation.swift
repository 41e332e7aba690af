/// SMBIOS 7.3 Baseboard (or Module) Information (type 2).
public struct BaseboardInformation: Sendable, Equatable, Codable {
    public var handle: UInt16
    public var manufacturer: String?
    public var productName: String?
    public var version: String?
    public var serialNumber: String?
    public var assetTag: String?
    public var features: [String]
    public var locationInChassis: String?
    /// The chassis (type 3) this board sits in.
    public var chassisHandle: UInt16?
    public var type: String?
    public var containedObjectHandles: [UInt16]

    public init?(_ s: SMBIOSStructure, _ context: DMIContext) {
        guard s.type == 2, s.length >= 0x08 else { return nil }
        handle = s.handle
        manufacturer = s.string(at: 0x04)?.value
        productName = s.string(at: 0x05)?.value
        version = s.string(at: 0x06)?.value
        serialNumber = s.string(at: 0x07)?.value
        assetTag = s.string(at: 0x08)?.value
        features = s.byte(0x09).map(Self.features) ?? []
        if s.length >= 0x0E {
            locationInChassis = s.string(at: 0x0A)?.value
            chassisHandle = s.word(0x0B)
            type = DMIFormat.factName(Self.boardType(s.byte(0x0D)!))
        }
        containedObjectHandles = Self.containedObjectHandles(s) ?? []
    }

    /// 7.3.1; bits 5-7 are reserved.
    static func features(_ code: UInt8) -> [String] {
        DMIFormat.setBits(UInt64(code & 0x1F), featureNames)
    }

    /// 7.3.2; also names the board-type elements of a chassis.
    static func boardType(_ code: UInt8) -> String {
        DMIFormat.name(Int(code), boardTypes)
    }

    /// The handle list, or nil when the structure has no count byte or is too short for the count.
    static func containedObjectHandles(_ s: SMBIOSStructure) -> [UInt16]? {
        guard let count = s.byte(0x0E).map(Int.init), s.length >= 0x0F + count * 2 else { return nil }
        return (0..<count).map { s.word(0x0F + 2 * $0)! }
    }

    static let featureNames = [
        "Board is a hosting board", "Board requires at least one daughter board", "Board is removable",
        "Board is replaceable", "Board is hot swappable",
    ]
    static let boardTypes = [
        "Unknown", "Other", "Server Blade", "Connectivity Switch", "System Management Module",
        "Processor Module", "I/O Module", "Memory Module", "Daughter Board", "Motherboard",
        "Processor+Memory Module", "Processor+I/O Module", "Interconnect Board",
    ]
}

enum BaseboardInformationDecoder: DMIStructureDecoder {
    static let type: UInt8 = 2

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("Base Board Information")
        guard s.length >= 0x08 else { return }
        out.attr("Manufacturer", s.string(at: 0x04)!.text)
        out.attr("Product Name", s.string(at: 0x05)!.text)
        out.attr("Version", s.string(at: 0x06)!.text)
        out.attr("Serial Number", s.string(at: 0x07)!.text)
        guard s.length >= 0x09 else { return }
        out.attr("Asset Tag", s.string(at: 0x08)!.text)
        guard s.length >= 0x0A else { return }
        let features = BaseboardInformation.features(s.byte(0x09)!)
        if features.isEmpty {
            out.listStart("Features", "None")
        } else {
            out.list("Features", features)
        }
        guard s.length >= 0x0E else { return }
        out.attr("Location In Chassis", s.string(at: 0x0A)!.text)
        out.attr("Chassis Handle", "0x\(hex(s.word(0x0B)!, width: 4))")
        out.attr("Type", BaseboardInformation.boardType(s.byte(0x0D)!))
        guard let handles = BaseboardInformation.containedObjectHandles(s) else { return }
        out.listStart("Contained Object Handles", "\(handles.count)")
        for handle in handles { out.listItem("0x\(hex(handle, width: 4))") }
    }
}
