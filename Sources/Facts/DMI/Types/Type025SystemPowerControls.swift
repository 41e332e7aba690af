/// SMBIOS 7.26 System Power Controls (type 25).
enum SystemPowerControlsDecoder: DMIStructureDecoder {
    static let type: UInt8 = 25

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("System Power Controls")
        guard let time = s.bytes(0x04, 5) else { return }
        out.attr("Next Scheduled Power-on", nextPowerOn(time))
    }

    /// 7.26.1: month, day, hour, minute and second in BCD; a field out of its range shows as `*`.
    static func nextPowerOn(_ p: [UInt8]) -> String {
        func field(_ value: UInt8, _ low: UInt8, _ high: UInt8) -> String {
            isBCD(value, low, high) ? hex2(value) : "*"
        }
        return field(p[0], 0x01, 0x12) + "-" + field(p[1], 0x01, 0x31) + " " + field(p[2], 0x00, 0x23)
            + ":" + field(p[3], 0x00, 0x59) + ":" + field(p[4], 0x00, 0x59)
    }

    static func isBCD(_ value: UInt8, _ low: UInt8, _ high: UInt8) -> Bool {
        value <= 0x99 && value & 0x0F <= 0x09 && value >= low && value <= high
    }
}
