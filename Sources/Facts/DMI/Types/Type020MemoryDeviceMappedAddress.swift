/// SMBIOS 7.21 Memory Device Mapped Address (type 20).
enum MemoryDeviceMappedAddressDecoder: DMIStructureDecoder {
    static let type: UInt8 = 20

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("Memory Device Mapped Address")
        guard s.length >= 0x13 else { return }
        MappedAddressRange(s, extendedAt: 0x13).decode(into: &out)
        out.attr("Physical Device Handle", "0x\(hex(s.word(0x0C)!, width: 4))")
        out.attr("Memory Array Mapped Address Handle", "0x\(hex(s.word(0x0E)!, width: 4))")
        let row = s.byte(0x10)!
        out.attr("Partition Row Position", row == 0 ? DMIFormat.outOfSpec : row == 0xFF ? "Unknown" : "\(row)")
        // 0 means the device is not interleaved: both lines are left out.
        if let text = position(s.byte(0x11)!) { out.attr("Interleave Position", text) }
        if let text = position(s.byte(0x12)!) { out.attr("Interleaved Data Depth", text) }
    }

    static func position(_ code: UInt8) -> String? {
        code == 0 ? nil : code == 0xFF ? "Unknown" : "\(code)"
    }
}
