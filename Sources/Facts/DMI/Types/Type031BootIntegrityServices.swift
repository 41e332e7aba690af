/// SMBIOS 7.32 Boot Integrity Services (BIS) Entry Point (type 31).
enum BootIntegrityServicesDecoder: DMIStructureDecoder {
    static let type: UInt8 = 31

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("Boot Integrity Services Entry Point")
        guard s.length >= 0x1C else { return }
        // The checksum byte makes the whole formatted area sum to zero.
        let sum = s.formatted.reduce(UInt8(0)) { $0 &+ $1 }
        out.attr("Checksum", sum == 0 ? "OK" : "Invalid")
        let entry16 = s.dword(0x08)!
        out.attr("16-bit Entry Point Address", "\(hex(entry16 >> 16, width: 4)):\(hex(entry16 & 0xFFFF, width: 4))")
        out.attr("32-bit Entry Point Address", "0x\(hex(s.dword(0x0C)!, width: 8))")
    }
}
