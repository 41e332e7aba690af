/// SMBIOS 7.35 Management Device (type 34).
enum ManagementDeviceDecoder: DMIStructureDecoder {
    static let type: UInt8 = 34

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        let s = lengthFixedUp(s)
        out.title("Management Device")
        guard s.length >= 0x0B else { return }
        out.attr("Description", s.string(at: 0x04)!.text)
        out.attr("Type", DMIFormat.name(Int(s.byte(0x05)!), deviceTypes))
        out.attr("Address", "0x\(hex(s.dword(0x06)!, width: 8))")
        out.attr("Address Type", DMIFormat.name(Int(s.byte(0x0A)!), addressTypes))
    }

    /// Some firmwares give this 11-byte structure a length of 16, so the first five characters of the
    /// first string land in the formatted area. When those five bytes are printable text the structure is
    /// read as 11 bytes long and they go back in front of string 1 (dmidecode does the same). The record
    /// keeps the original length for its Handle line.
    static func lengthFixedUp(_ s: SMBIOSStructure) -> SMBIOSStructure {
        guard s.length == 0x10, let hidden = s.bytes(0x0B, 5), hidden.allSatisfy({ $0 >= 32 && $0 < 127 }) else {
            return s
        }
        var strings = s.strings
        if strings.isEmpty { strings = [hidden] } else { strings[0] = hidden + strings[0] }
        return SMBIOSStructure(formatted: Array(s.formatted.prefix(0x0B)), strings: strings, offset: s.offset)
    }

    /// 7.35.1
    static let deviceTypes = [
        "Other", "Unknown", "LM75", "LM78", "LM79", "LM80", "LM81", "ADM9240", "DS1780", "MAX1617", "GL518SM",
        "W83781D", "HT82H791",
    ]
    /// 7.35.2
    static let addressTypes = ["Other", "Unknown", "I/O Port", "Memory", "SMBus"]
}
