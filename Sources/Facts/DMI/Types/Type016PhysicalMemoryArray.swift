/// SMBIOS 7.17 Physical Memory Array (type 16): a set of memory devices that together form one memory.
public struct PhysicalMemoryArray: Sendable, Equatable, Codable {
    public var handle: UInt16
    public var location: String?
    public var use: String?
    public var errorCorrectionType: String?
    /// nil when the firmware does not know it (the 2.7 extended capacity is absent or unset).
    public var maximumCapacityBytes: UInt64?
    /// The type 18/33 structure holding the last error; nil when none is provided or no error was seen.
    public var errorInformationHandle: UInt16?
    public var numberOfDevices: Int

    public init?(_ s: SMBIOSStructure, _ context: DMIContext) {
        guard s.type == 16, s.length >= 0x0F else { return nil }
        handle = s.handle
        location = DMIFormat.factName(PhysicalMemoryArrayDecoder.location(s.byte(0x04)!))
        use = DMIFormat.factName(PhysicalMemoryArrayDecoder.use(s.byte(0x05)!))
        errorCorrectionType = DMIFormat.factName(PhysicalMemoryArrayDecoder.errorCorrectionType(s.byte(0x06)!))
        switch PhysicalMemoryArrayDecoder.maximumCapacity(s) {
        case .kilobytes(let kB): maximumCapacityBytes = kB << 10
        case .bytes(let bytes): maximumCapacityBytes = bytes
        case .unknown: maximumCapacityBytes = nil
        }
        errorInformationHandle = MemoryErrorHandle(s.word(0x0B)!).handle
        numberOfDevices = Int(s.word(0x0D)!)
    }
}

/// A reference to a 32- or 64-bit Memory Error Information structure (types 16 and 17).
enum MemoryErrorHandle: Equatable {
    case notProvided
    case noError
    case handle(UInt16)

    init(_ code: UInt16) {
        switch code {
        case 0xFFFE: self = .notProvided
        case 0xFFFF: self = .noError
        default: self = .handle(code)
        }
    }

    var handle: UInt16? {
        if case .handle(let h) = self { return h }
        return nil
    }

    var text: String {
        switch self {
        case .notProvided: return "Not Provided"
        case .noError: return "No Error"
        case .handle(let h): return "0x\(hex(h, width: 4))"
        }
    }
}

enum PhysicalMemoryArrayDecoder: DMIStructureDecoder {
    static let type: UInt8 = 16

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("Physical Memory Array")
        guard s.length >= 0x0F else { return }
        out.attr("Location", location(s.byte(0x04)!))
        out.attr("Use", use(s.byte(0x05)!))
        out.attr("Error Correction Type", errorCorrectionType(s.byte(0x06)!))
        switch maximumCapacity(s) {
        case .kilobytes(let kB): out.attr("Maximum Capacity", DMIFormat.memorySize(kB, shift: 1))
        case .bytes(let bytes): out.attr("Maximum Capacity", DMIFormat.memorySize(bytes))
        case .unknown: out.attr("Maximum Capacity", "Unknown")
        }
        out.attr("Error Information Handle", MemoryErrorHandle(s.word(0x0B)!).text)
        out.attr("Number Of Devices", "\(s.word(0x0D)!)")
    }

    enum Capacity: Equatable {
        case kilobytes(UInt64)
        case bytes(UInt64)
        case unknown
    }

    /// The capacity in kB, or, when it reads 0x80000000 (2 TB and more), the 2.7 extended capacity in bytes.
    static func maximumCapacity(_ s: SMBIOSStructure) -> Capacity {
        let kB = s.dword(0x07)!
        if kB != 0x8000_0000 { return .kilobytes(UInt64(kB)) }
        return s.length >= 0x17 ? .bytes(s.qword(0x0F)!) : .unknown
    }

    /// 7.17.1
    static func location(_ code: UInt8) -> String {
        if code >= 0xA0 { return DMIFormat.name(Int(code), locationsA0, first: 0xA0) }
        return DMIFormat.name(Int(code), locations)
    }

    static let locations = [
        "Other", "Unknown", "System Board Or Motherboard", "ISA Add-on Card", "EISA Add-on Card",
        "PCI Add-on Card", "MCA Add-on Card", "PCMCIA Add-on Card", "Proprietary Add-on Card", "NuBus",
    ]
    static let locationsA0 = [
        "PC-98/C20 Add-on Card", "PC-98/C24 Add-on Card", "PC-98/E Add-on Card", "PC-98/Local Bus Add-on Card",
        "CXL Flexbus 1.0",
    ]

    /// 7.17.2
    static func use(_ code: UInt8) -> String {
        DMIFormat.name(Int(code), [
            "Other", "Unknown", "System Memory", "Video Memory", "Flash Memory", "Non-volatile RAM", "Cache Memory",
        ])
    }

    /// 7.17.3
    static func errorCorrectionType(_ code: UInt8) -> String {
        DMIFormat.name(Int(code), ["Other", "Unknown", "None", "Parity", "Single-bit ECC", "Multi-bit ECC", "CRC"])
    }
}
