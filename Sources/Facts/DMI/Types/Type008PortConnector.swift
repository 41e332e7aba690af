/// SMBIOS 7.9 Port Connector Information (type 8).
public struct PortConnector: Sendable, Equatable, Codable {
    public var handle: UInt16
    public var internalReferenceDesignator: String?
    public var internalConnectorType: String?
    public var externalReferenceDesignator: String?
    public var externalConnectorType: String?
    public var portType: String?

    public init?(_ s: SMBIOSStructure, _ context: DMIContext) {
        guard s.type == 8, s.length >= 0x09 else { return nil }
        handle = s.handle
        internalReferenceDesignator = s.string(at: 0x04)?.value
        internalConnectorType = DMIFormat.factName(Self.connectorType(s.byte(0x05)!))
        externalReferenceDesignator = s.string(at: 0x06)?.value
        externalConnectorType = DMIFormat.factName(Self.connectorType(s.byte(0x07)!))
        portType = DMIFormat.factName(Self.portType(s.byte(0x08)!))
    }

    /// 7.9.2
    static func connectorType(_ code: UInt8) -> String {
        switch code {
        case 0x00...0x23: return connectorTypes[Int(code)]
        case 0xA0...0xA4: return ["PC-98", "PC-98 Hireso", "PC-H98", "PC-98 Note", "PC-98 Full"][Int(code - 0xA0)]
        case 0xFF: return "Other"
        default: return DMIFormat.outOfSpec
        }
    }

    /// 7.9.3
    static func portType(_ code: UInt8) -> String {
        switch code {
        case 0x00...0x21: return portTypes[Int(code)]
        case 0xA0: return "8251 Compatible"
        case 0xA1: return "8251 FIFO Compatible"
        case 0xFF: return "Other"
        default: return DMIFormat.outOfSpec
        }
    }

    static let connectorTypes = [
        "None", "Centronics", "Mini Centronics", "Proprietary", "DB-25 male", "DB-25 female", "DB-15 male",
        "DB-15 female", "DB-9 male", "DB-9 female", "RJ-11", "RJ-45", "50 Pin MiniSCSI", "Mini DIN",
        "Micro DIN", "PS/2", "Infrared", "HP-HIL", "Access Bus (USB)", "SSA SCSI", "Circular DIN-8 male",
        "Circular DIN-8 female", "On Board IDE", "On Board Floppy", "9 Pin Dual Inline (pin 10 cut)",
        "25 Pin Dual Inline (pin 26 cut)", "50 Pin Dual Inline", "68 Pin Dual Inline",
        "On Board Sound Input From CD-ROM", "Mini Centronics Type-14", "Mini Centronics Type-26",
        "Mini Jack (headphones)", "BNC", "IEEE 1394", "SAS/SATA Plug Receptacle", "USB Type-C Receptacle",
    ]
    static let portTypes = [
        "None", "Parallel Port XT/AT Compatible", "Parallel Port PS/2", "Parallel Port ECP",
        "Parallel Port EPP", "Parallel Port ECP/EPP", "Serial Port XT/AT Compatible",
        "Serial Port 16450 Compatible", "Serial Port 16550 Compatible", "Serial Port 16550A Compatible",
        "SCSI Port", "MIDI Port", "Joystick Port", "Keyboard Port", "Mouse Port", "SSA SCSI", "USB",
        "Firewire (IEEE P1394)", "PCMCIA Type I", "PCMCIA Type II", "PCMCIA Type III", "Cardbus",
        "Access Bus Port", "SCSI II", "SCSI Wide", "PC-98", "PC-98 Hireso", "PC-H98", "Video Port",
        "Audio Port", "Modem Port", "Network Port", "SATA", "SAS",
    ]
}

enum PortConnectorDecoder: DMIStructureDecoder {
    static let type: UInt8 = 8

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("Port Connector Information")
        guard s.length >= 0x09 else { return }
        out.attr("Internal Reference Designator", s.string(at: 0x04)!.text)
        out.attr("Internal Connector Type", PortConnector.connectorType(s.byte(0x05)!))
        out.attr("External Reference Designator", s.string(at: 0x06)!.text)
        out.attr("External Connector Type", PortConnector.connectorType(s.byte(0x07)!))
        out.attr("Port Type", PortConnector.portType(s.byte(0x08)!))
    }
}
