/// SMBIOS 7.33 System Boot Information (type 32).
public struct SystemBootInformation: Sendable, Equatable, Codable {
    public var handle: UInt16
    /// The status of the last boot, as dmidecode names it ("No errors detected", "User-requested boot").
    public var status: String

    public init?(_ s: SMBIOSStructure, _ context: DMIContext) {
        guard s.type == 32, let code = s.byte(0x0A) else { return nil }
        handle = s.handle
        status = Self.status(code)
    }

    /// 7.33.2: 128-191 are vendor (OEM) codes, 192-255 product codes.
    static func status(_ code: UInt8) -> String {
        switch code {
        case 0...8: return statuses[Int(code)]
        case 128...191: return "OEM-specific"
        case 192...: return "Product-specific"
        default: return DMIFormat.outOfSpec
        }
    }

    static let statuses = [
        "No errors detected", "No bootable media", "Operating system failed to load",
        "Firmware-detected hardware failure", "Operating system-detected hardware failure", "User-requested boot",
        "System security violation", "Previously-requested image", "System watchdog timer expired",
    ]
}

enum SystemBootInformationDecoder: DMIStructureDecoder {
    static let type: UInt8 = 32

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("System Boot Information")
        guard let boot = SystemBootInformation(s, context) else { return }
        out.attr("Status", boot.status)
    }
}
