/// SMBIOS 7.31 Out-of-band Remote Access (type 30).
enum OutOfBandRemoteAccessDecoder: DMIStructureDecoder {
    static let type: UInt8 = 30

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("Out-of-band Remote Access")
        guard s.length >= 0x06 else { return }
        out.attr("Manufacturer Name", s.string(at: 0x04)!.text)
        let connections = s.byte(0x05)!
        out.attr("Inbound Connection", connections & 1 != 0 ? "Enabled" : "Disabled")
        out.attr("Outbound Connection", connections & 2 != 0 ? "Enabled" : "Disabled")
    }
}
