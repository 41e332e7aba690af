/// SMBIOS 7.37 Management Device Threshold Data (type 36).
enum ManagementDeviceThresholdDataDecoder: DMIStructureDecoder {
    static let type: UInt8 = 36

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("Management Device Threshold Data")
        guard s.length >= 0x10 else { return }
        for (index, name) in thresholds.enumerated() {
            let code = s.word(0x04 + 2 * index)!
            // 0x8000 means the threshold is not available.
            if code != 0x8000 { out.attr(name, "\(Int16(bitPattern: code))") }
        }
    }

    /// The six signed thresholds, in structure order from offset 04h.
    static let thresholds = [
        "Lower Non-critical Threshold", "Upper Non-critical Threshold", "Lower Critical Threshold",
        "Upper Critical Threshold", "Lower Non-recoverable Threshold", "Upper Non-recoverable Threshold",
    ]
}
