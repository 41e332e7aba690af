/// SMBIOS 7.38 Memory Channel (type 37).
enum MemoryChannelDecoder: DMIStructureDecoder {
    static let type: UInt8 = 37

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("Memory Channel")
        guard s.length >= 0x07 else { return }
        out.attr("Type", DMIFormat.name(Int(s.byte(0x04)!), ["Other", "Unknown", "RamBus", "SyncLink"]))
        out.attr("Maximal Load", "\(s.byte(0x05)!)")
        let count = Int(s.byte(0x06)!)
        out.attr("Devices", "\(count)")
        guard s.length >= 0x07 + 3 * count else { return }
        // Each device is 3 bytes (load, handle) from 0x07 on. dmidecode 3.4 numbers them from the second
        // entry on, so "Device N" shows entry N+1 and the last one reads the 3 bytes after the entries;
        // the same bytes are shown here so the text stays identical.
        for n in stride(from: 1, through: count, by: 1) {
            let offset = 0x07 + 3 * n
            out.attr("Device \(n) Load", "\(byteFollowing(s, offset))")
            let handle = UInt16(byteFollowing(s, offset + 1)) | UInt16(byteFollowing(s, offset + 2)) << 8
            out.attr("Device \(n) Handle", "0x\(hex(handle, width: 4))")
        }
    }

    /// A byte of the formatted area or, past it, of the string set as stored (each string and the set
    /// NUL-terminated); 0 past the string set, where the next structure begins and is not known here.
    static func byteFollowing(_ s: SMBIOSStructure, _ offset: Int) -> UInt8 {
        if let byte = s.byte(offset) { return byte }
        let stringSet: [UInt8] = s.strings.isEmpty ? [0, 0] : s.strings.flatMap { $0 + [0] } + [0]
        return stringSet[safe: offset - s.length] ?? 0
    }
}
