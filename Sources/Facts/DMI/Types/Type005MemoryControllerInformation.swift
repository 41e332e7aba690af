/// SMBIOS 7.6 Memory Controller Information (type 5, obsolete since 2.1): text only.
enum MemoryControllerInformationDecoder: DMIStructureDecoder {
    static let type: UInt8 = 5

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("Memory Controller Information")
        guard s.length >= 0x0F else { return }
        out.attr("Error Detecting Method", DMIFormat.name(Int(s.byte(0x04)!), errorDetectingMethods))
        errorCorrecting("Error Correcting Capabilities", s.byte(0x05)!, into: &out)
        out.attr("Supported Interleave", DMIFormat.name(Int(s.byte(0x06)!), interleaves))
        out.attr("Current Interleave", DMIFormat.name(Int(s.byte(0x07)!), interleaves))
        let slotCount = s.byte(0x0E)!
        let (moduleMB, totalMB) = maximumSizesMB(exponent: s.byte(0x08)!, slots: slotCount)
        out.attr("Maximum Memory Module Size", "\(moduleMB) MB")
        out.attr("Maximum Total Memory Size", "\(totalMB) MB")
        let speeds = DMIFormat.setBits(UInt64(s.word(0x09)! & 0x1F), speedNames)
        if speeds.isEmpty {
            out.attr("Supported Speeds", "None")
        } else {
            out.list("Supported Speeds", speeds)
        }
        let types = MemoryModuleInformationDecoder.moduleTypes(s.word(0x0B)!)
        if types.isEmpty {
            out.attr("Supported Memory Types", "None")
        } else {
            out.list("Supported Memory Types", types)
        }
        out.attr("Memory Module Voltage", ProcessorVoltage.text(code: s.byte(0x0D)!))
        let slotsEnd = 0x0F + Int(slotCount) * 2
        guard s.length >= slotsEnd else { return }
        out.listStart("Associated Memory Slots", "\(slotCount)")
        for i in 0..<Int(slotCount) { out.listItem("0x\(hex(s.word(0x0F + 2 * i)!, width: 4))") }
        guard s.length >= slotsEnd + 1 else { return }
        errorCorrecting("Enabled Error Correcting Capabilities", s.byte(slotsEnd)!, into: &out)
    }

    /// The module size is 2^n MB and the total that times the slot count, in 32-bit arithmetic with the
    /// shift count taken modulo 32, as dmidecode computes them on the platforms it runs on.
    static func maximumSizesMB(exponent: UInt8, slots: UInt8) -> (module: UInt32, total: UInt32) {
        let module = UInt32(1) << UInt32(exponent & 31)
        return (module, module &* UInt32(slots))
    }

    /// 7.6.2
    static func errorCorrecting(_ name: String, _ code: UInt8, into out: inout DMILines) {
        let capabilities = DMIFormat.setBits(UInt64(code & 0x3F), [
            "Other", "Unknown", "None", "Single-bit Error Correcting", "Double-bit Error Correcting",
            "Error Scrubbing",
        ])
        if capabilities.isEmpty {
            out.attr(name, "None")
        } else {
            out.list(name, capabilities)
        }
    }

    /// 7.6.1
    static let errorDetectingMethods = [
        "Other", "Unknown", "None", "8-bit Parity", "32-bit ECC", "64-bit ECC", "128-bit ECC", "CRC",
    ]
    /// 7.6.3
    static let interleaves = [
        "Other", "Unknown", "One-way Interleave", "Two-way Interleave", "Four-way Interleave",
        "Eight-way Interleave", "Sixteen-way Interleave",
    ]
    /// 7.6.4
    static let speedNames = ["Other", "Unknown", "70 ns", "60 ns", "50 ns"]
}
