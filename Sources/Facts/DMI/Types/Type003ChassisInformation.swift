/// SMBIOS 7.4 System Enclosure or Chassis (type 3).
public struct ChassisInformation: Sendable, Equatable, Codable {
    public var handle: UInt16
    public var manufacturer: String?
    public var type: String?
    /// "Present" or "Not Present".
    public var lock: String
    public var version: String?
    public var serialNumber: String?
    public var assetTag: String?
    public var bootUpState: String?
    public var powerSupplyState: String?
    public var thermalState: String?
    public var securityStatus: String?
    public var oemInformation: UInt32?
    /// Height in rack units; nil when unspecified.
    public var heightU: Int?
    /// nil when unspecified.
    public var numberOfPowerCords: Int?
    /// As dmidecode lists them: "Processor Module (1-2)", "Power Supply (2)".
    public var containedElements: [String]
    public var skuNumber: String?

    public init?(_ s: SMBIOSStructure, _ context: DMIContext) {
        guard s.type == 3, s.length >= 0x09 else { return nil }
        handle = s.handle
        manufacturer = s.string(at: 0x04)?.value
        type = DMIFormat.factName(Self.chassisType(s.byte(0x05)!))
        lock = Self.lock(s.byte(0x05)!)
        version = s.string(at: 0x06)?.value
        serialNumber = s.string(at: 0x07)?.value
        assetTag = s.string(at: 0x08)?.value
        if s.length >= 0x0D {
            bootUpState = DMIFormat.factName(Self.state(s.byte(0x09)!))
            powerSupplyState = DMIFormat.factName(Self.state(s.byte(0x0A)!))
            thermalState = DMIFormat.factName(Self.state(s.byte(0x0B)!))
            securityStatus = DMIFormat.factName(Self.securityStatus(s.byte(0x0C)!))
        }
        if s.length >= 0x11 { oemInformation = s.dword(0x0D) }
        if s.length >= 0x13 {
            let height = s.byte(0x11)!
            let cords = s.byte(0x12)!
            heightU = height == 0 ? nil : Int(height)
            numberOfPowerCords = cords == 0 ? nil : Int(cords)
        }
        let elements = Self.containedElements(s)
        containedElements = elements?.items ?? []
        skuNumber = Self.skuNumber(s)?.value
    }

    /// 7.4.1; bit 7 is the lock.
    static func chassisType(_ code: UInt8) -> String {
        DMIFormat.name(Int(code & 0x7F), chassisTypes)
    }

    static func lock(_ code: UInt8) -> String {
        code & 0x80 != 0 ? "Present" : "Not Present"
    }

    /// 7.4.2
    static func state(_ code: UInt8) -> String {
        DMIFormat.name(Int(code), ["Other", "Unknown", "Safe", "Warning", "Critical", "Non-recoverable"])
    }

    /// 7.4.3
    static func securityStatus(_ code: UInt8) -> String {
        DMIFormat.name(Int(code), [
            "Other", "Unknown", "None", "External Interface Locked Out", "External Interface Enabled",
        ])
    }

    /// 7.4.4: the announced count and the elements, or nil when the structure cannot hold them all.
    /// Records shorter than 3 bytes carry no type and range, so none is listed.
    static func containedElements(_ s: SMBIOSStructure) -> (count: Int, items: [String])? {
        guard s.length >= 0x15 else { return nil }
        let count = Int(s.byte(0x13)!)
        let recordLength = Int(s.byte(0x14)!)
        guard s.length >= 0x15 + count * recordLength else { return nil }
        guard recordLength >= 3 else { return (count, []) }
        let items = (0..<count).map { i -> String in
            let record = s.bytes(0x15 + i * recordLength, 3)!
            let type = record[0] & 0x80 != 0
                ? SMBIOSStructureTypeName.name(record[0] & 0x7F)
                : BaseboardInformation.boardType(record[0] & 0x7F)
            return record[1] == record[2] ? "\(type) (\(record[1]))" : "\(type) (\(record[1])-\(record[2]))"
        }
        return (count, items)
    }

    /// The SKU number follows the contained elements (SMBIOS 2.7).
    static func skuNumber(_ s: SMBIOSStructure) -> DMIString? {
        guard s.length >= 0x15 else { return nil }
        let offset = 0x15 + Int(s.byte(0x13)!) * Int(s.byte(0x14)!)
        guard s.length >= offset + 1 else { return nil }
        return s.string(at: offset)
    }

    static let chassisTypes = [
        "Other", "Unknown", "Desktop", "Low Profile Desktop", "Pizza Box", "Mini Tower", "Tower", "Portable",
        "Laptop", "Notebook", "Hand Held", "Docking Station", "All In One", "Sub Notebook", "Space-saving",
        "Lunch Box", "Main Server Chassis", "Expansion Chassis", "Sub Chassis", "Bus Expansion Chassis",
        "Peripheral Chassis", "RAID Chassis", "Rack Mount Chassis", "Sealed-case PC", "Multi-system",
        "CompactPCI", "AdvancedTCA", "Blade", "Blade Enclosing", "Tablet", "Convertible", "Detachable",
        "IoT Gateway", "Embedded PC", "Mini PC", "Stick PC",
    ]
}

enum ChassisInformationDecoder: DMIStructureDecoder {
    static let type: UInt8 = 3

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("Chassis Information")
        guard s.length >= 0x09 else { return }
        let code = s.byte(0x05)!
        out.attr("Manufacturer", s.string(at: 0x04)!.text)
        out.attr("Type", ChassisInformation.chassisType(code))
        out.attr("Lock", ChassisInformation.lock(code))
        out.attr("Version", s.string(at: 0x06)!.text)
        out.attr("Serial Number", s.string(at: 0x07)!.text)
        out.attr("Asset Tag", s.string(at: 0x08)!.text)
        guard s.length >= 0x0D else { return }
        out.attr("Boot-up State", ChassisInformation.state(s.byte(0x09)!))
        out.attr("Power Supply State", ChassisInformation.state(s.byte(0x0A)!))
        out.attr("Thermal State", ChassisInformation.state(s.byte(0x0B)!))
        out.attr("Security Status", ChassisInformation.securityStatus(s.byte(0x0C)!))
        guard s.length >= 0x11 else { return }
        out.attr("OEM Information", "0x\(hex(s.dword(0x0D)!, width: 8))")
        guard s.length >= 0x13 else { return }
        let height = s.byte(0x11)!
        let cords = s.byte(0x12)!
        out.attr("Height", height == 0 ? "Unspecified" : "\(height) U")
        out.attr("Number Of Power Cords", cords == 0 ? "Unspecified" : "\(cords)")
        guard let elements = ChassisInformation.containedElements(s) else { return }
        out.listStart("Contained Elements", "\(elements.count)")
        for item in elements.items { out.listItem(item) }
        guard let sku = ChassisInformation.skuNumber(s) else { return }
        out.attr("SKU Number", sku.text)
    }
}
