/// What the 32-bit (type 18) and 64-bit (type 33) Memory Error Information structures share: the
/// error's type, granularity, operation and syndrome, at the same offsets in both.
enum MemoryErrorFields {
    /// Type, Granularity, Operation and Vendor Syndrome (offsets 0x04-0x0A).
    static func decodeCommon(_ s: SMBIOSStructure, into out: inout DMILines) {
        out.attr("Type", errorType(s.byte(0x04)!))
        out.attr("Granularity", granularity(s.byte(0x05)!))
        out.attr("Operation", operation(s.byte(0x06)!))
        let syndrome = s.dword(0x07)!
        out.attr("Vendor Syndrome", syndrome == 0 ? "Unknown" : "0x\(hex(syndrome, width: 8))")
    }

    /// A 32-bit address or resolution; 0x80000000 means unknown.
    static func address32(_ code: UInt32) -> String {
        code == 0x8000_0000 ? "Unknown" : "0x\(hex(code, width: 8))"
    }

    /// 7.19.1
    static func errorType(_ code: UInt8) -> String {
        DMIFormat.name(Int(code), [
            "Other", "Unknown", "OK", "Bad Read", "Parity Error", "Single-bit Error", "Double-bit Error",
            "Multi-bit Error", "Nibble Error", "Checksum Error", "CRC Error", "Corrected Single-bit Error",
            "Corrected Error", "Uncorrectable Error",
        ])
    }

    /// 7.19.2
    static func granularity(_ code: UInt8) -> String {
        DMIFormat.name(Int(code), ["Other", "Unknown", "Device Level", "Memory Partition Level"])
    }

    /// 7.19.3
    static func operation(_ code: UInt8) -> String {
        DMIFormat.name(Int(code), ["Other", "Unknown", "Read", "Write", "Partial Write"])
    }
}
