/// SMBIOS 7.2 System Information (type 1).
public struct SystemInformation: Sendable, Equatable, Codable {
    public var manufacturer: String?
    public var productName: String?
    public var version: String?
    public var serialNumber: String?
    /// Upper-case RFC 4122 text; nil when the firmware says "not present" (all 0xFF) or "not settable" (all 0).
    public var uuid: String?
    public var wakeUpType: String?
    public var skuNumber: String?
    public var family: String?

    public init?(_ s: SMBIOSStructure, _ context: DMIContext) {
        guard s.type == 1, s.length >= 0x08 else { return nil }
        manufacturer = s.string(at: 0x04)?.value
        productName = s.string(at: 0x05)?.value
        version = s.string(at: 0x06)?.value
        serialNumber = s.string(at: 0x07)?.value
        if s.length >= 0x19 {
            if case .value(let text) = SystemUUID(s.bytes(0x08, 16)!, context) { uuid = text.uppercased() }
            wakeUpType = DMIFormat.factName(SystemInformationDecoder.wakeUpType(s.byte(0x18)!))
        }
        if s.length >= 0x1B {
            skuNumber = s.string(at: 0x19)?.value
            family = s.string(at: 0x1A)?.value
        }
    }
}

/// A system UUID as the firmware stores it.
enum SystemUUID: Equatable {
    case notPresent
    case notSettable
    case value(String)

    init(_ bytes: [UInt8], _ context: DMIContext) {
        if bytes.allSatisfy({ $0 == 0xFF }) {
            self = .notPresent
        } else if bytes.allSatisfy({ $0 == 0 }) {
            self = .notSettable
        } else {
            // 2.6 made the first three fields little-endian; older tables are taken as RFC 4122 (network order).
            self = .value(DMIFormat.uuid(bytes, littleEndianFields: context.atLeast(2, 6)))
        }
    }

    var text: String {
        switch self {
        case .notPresent: return "Not Present"
        case .notSettable: return "Not Settable"
        case .value(let s): return s
        }
    }
}

enum SystemInformationDecoder: DMIStructureDecoder {
    static let type: UInt8 = 1

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("System Information")
        guard s.length >= 0x08 else { return }
        out.attr("Manufacturer", s.string(at: 0x04)!.text)
        out.attr("Product Name", s.string(at: 0x05)!.text)
        out.attr("Version", s.string(at: 0x06)!.text)
        out.attr("Serial Number", s.string(at: 0x07)!.text)
        guard s.length >= 0x19 else { return }
        out.attr("UUID", SystemUUID(s.bytes(0x08, 16)!, context).text)
        out.attr("Wake-up Type", wakeUpType(s.byte(0x18)!))
        guard s.length >= 0x1B else { return }
        out.attr("SKU Number", s.string(at: 0x19)!.text)
        out.attr("Family", s.string(at: 0x1A)!.text)
    }

    /// 7.2.2
    static func wakeUpType(_ code: UInt8) -> String {
        DMIFormat.name(Int(code), [
            "Reserved", "Other", "Unknown", "APM Timer", "Modem Ring", "LAN Remote", "Power Switch", "PCI PME#",
            "AC Power Restored",
        ], first: 0)
    }
}
