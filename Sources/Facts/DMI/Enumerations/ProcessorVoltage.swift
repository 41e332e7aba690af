/// SMBIOS 7.5.4 voltage byte, shared by processors (type 4) and memory controllers' module voltage
/// (type 5): either a current voltage in tenths of a volt (bit 7 set) or a set of supported legacy voltages.
enum ProcessorVoltage {
    static let legacy = ["5.0 V", "3.3 V", "2.9 V"]

    /// dmidecode's text: "1.2 V", "5.0 V 3.3 V" or "Unknown".
    static func text(_ code: UInt8) -> String {
        if code & 0x80 != 0 {
            let tenths = code & 0x7F
            return "\(tenths / 10).\(tenths % 10) V"
        }
        let supported = DMIFormat.setBits(UInt64(code & 0x07), legacy)
        return supported.isEmpty ? "Unknown" : supported.joined(separator: " ")
    }
}
