/// SMBIOS 7.8 Cache Information (type 7).
public struct CacheInformation: Sendable, Equatable, Codable {
    public var handle: UInt16
    public var socketDesignation: String?
    /// Cache level, 1 to 8.
    public var level: Int
    public var socketed: Bool
    public var enabled: Bool
    /// "Write Back", "Write Through", "Varies With Memory Address"; nil when "Unknown".
    public var operationalMode: String?
    /// "Internal" or "External"; nil when "Unknown".
    public var location: String?
    public var installedSizeBytes: UInt64
    public var maximumSizeBytes: UInt64
    /// 7.8.2 SRAM types the socket supports.
    public var supportedSRAMTypes: [String]
    /// The SRAM type installed (names joined by spaces if the firmware sets several); nil when none or unknown.
    public var installedSRAMType: String?
    public var speedNs: Int?
    /// 7.8.3; nil when "Unknown".
    public var errorCorrectionType: String?
    /// 7.8.4 ("Unified", "Data", "Instruction"); nil when "Unknown".
    public var systemType: String?
    /// 7.8.5; nil when "Unknown".
    public var associativity: String?

    public init?(_ s: SMBIOSStructure, _ context: DMIContext) {
        guard s.type == 7, s.length >= 0x0F else { return nil }
        typealias D = CacheInformationDecoder
        handle = s.handle
        socketDesignation = s.string(at: 0x04)!.value
        let configuration = s.word(0x05)!
        level = Int(configuration & 0x0007) + 1
        socketed = configuration & 0x0008 != 0
        enabled = configuration & 0x0080 != 0
        operationalMode = D.known(D.mode(configuration))
        location = D.known(D.location(configuration))
        installedSizeBytes = D.installedSizeKB(s) << 10
        maximumSizeBytes = D.maximumSizeKB(s) << 10
        supportedSRAMTypes = D.sramTypes(s.word(0x0B)!)
        let installed = D.sramTypes(s.word(0x0D)!)
        installedSRAMType = installed.isEmpty ? nil : D.known(installed.joined(separator: " "))
        if s.length >= 0x13 {
            speedNs = s.byte(0x0F)! == 0 ? nil : Int(s.byte(0x0F)!)
            errorCorrectionType = D.known(D.errorCorrectionType(s.byte(0x10)!))
            systemType = D.known(D.systemType(s.byte(0x11)!))
            associativity = D.known(D.associativity(s.byte(0x12)!))
        }
    }
}

enum CacheInformationDecoder: DMIStructureDecoder {
    static let type: UInt8 = 7

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("Cache Information")
        guard let cache = CacheInformation(s, context) else { return }
        out.attr("Socket Designation", s.string(at: 0x04)!.text)
        out.attr("Configuration", "\(cache.enabled ? "Enabled" : "Disabled"), "
            + "\(cache.socketed ? "Socketed" : "Not Socketed"), Level \(cache.level)")
        let configuration = s.word(0x05)!
        out.attr("Operational Mode", mode(configuration))
        out.attr("Location", location(configuration))
        out.attr("Installed Size", DMIFormat.memorySize(installedSizeKB(s), shift: 1))
        out.attr("Maximum Size", DMIFormat.memorySize(maximumSizeKB(s), shift: 1))
        if cache.supportedSRAMTypes.isEmpty {
            out.attr("Supported SRAM Types", "None")
        } else {
            out.list("Supported SRAM Types", cache.supportedSRAMTypes)
        }
        let installed = sramTypes(s.word(0x0D)!)
        out.attr("Installed SRAM Type", installed.isEmpty ? "None" : installed.joined(separator: " "))
        guard s.length >= 0x13 else { return }
        out.attr("Speed", cache.speedNs.map { "\($0) ns" } ?? "Unknown")
        out.attr("Error Correction Type", errorCorrectionType(s.byte(0x10)!))
        out.attr("System Type", systemType(s.byte(0x11)!))
        out.attr("Associativity", associativity(s.byte(0x12)!))
    }

    /// nil for "Unknown", which the fact model leaves out.
    static func known(_ name: String) -> String? { name == "Unknown" ? nil : name }

    /// Installed size in kB: Installed Cache Size 2 (SMBIOS 3.1) when present, else the 2.x word.
    static func installedSizeKB(_ s: SMBIOSStructure) -> UInt64 {
        if let size2 = s.dword(0x17) { return sizeKB(size2) }
        return sizeKB(s.word(0x09)!)
    }

    /// Maximum size in kB: Maximum Cache Size 2 (SMBIOS 3.1) when present, else the 2.x word.
    static func maximumSizeKB(_ s: SMBIOSStructure) -> UInt64 {
        if let size2 = s.dword(0x13) { return sizeKB(size2) }
        return sizeKB(s.word(0x07)!)
    }

    /// A Cache Size 2 dword: bit 31 selects 64 kB granularity instead of 1 kB.
    static func sizeKB(_ code: UInt32) -> UInt64 {
        code & 0x8000_0000 != 0 ? UInt64(code & 0x7FFF_FFFF) << 6 : UInt64(code)
    }

    /// A 2.x cache size word: bit 15 is the granularity bit.
    static func sizeKB(_ code: UInt16) -> UInt64 {
        sizeKB(UInt32(code & 0x8000) << 16 | UInt32(code & 0x7FFF))
    }

    /// Bits 9-8 of the configuration word.
    static func mode(_ configuration: UInt16) -> String {
        ["Write Through", "Write Back", "Varies With Memory Address", "Unknown"][Int(configuration >> 8 & 0x3)]
    }

    /// Bits 6-5 of the configuration word.
    static func location(_ configuration: UInt16) -> String {
        ["Internal", "External", DMIFormat.outOfSpec, "Unknown"][Int(configuration >> 5 & 0x3)]
    }

    /// 7.8.2
    static func sramTypes(_ code: UInt16) -> [String] {
        DMIFormat.setBits(UInt64(code), [
            "Other", "Unknown", "Non-burst", "Burst", "Pipeline Burst", "Synchronous", "Asynchronous",
        ])
    }

    /// 7.8.3
    static func errorCorrectionType(_ code: UInt8) -> String {
        DMIFormat.name(Int(code), ["Other", "Unknown", "None", "Parity", "Single-bit ECC", "Multi-bit ECC"])
    }

    /// 7.8.4
    static func systemType(_ code: UInt8) -> String {
        DMIFormat.name(Int(code), ["Other", "Unknown", "Instruction", "Data", "Unified"])
    }

    /// 7.8.5
    static func associativity(_ code: UInt8) -> String {
        DMIFormat.name(Int(code), [
            "Other", "Unknown", "Direct Mapped", "2-way Set-associative", "4-way Set-associative",
            "Fully Associative", "8-way Set-associative", "16-way Set-associative", "12-way Set-associative",
            "24-way Set-associative", "32-way Set-associative", "48-way Set-associative",
            "64-way Set-associative", "20-way Set-associative",
        ])
    }
}
