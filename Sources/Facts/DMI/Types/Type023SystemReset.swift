/// SMBIOS 7.24 System Reset (type 23).
enum SystemResetDecoder: DMIStructureDecoder {
    static let type: UInt8 = 23

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("System Reset")
        guard s.length >= 0x0D else { return }
        let capabilities = s.byte(0x04)!
        let hasWatchdog = capabilities & (1 << 5) != 0
        out.attr("Status", capabilities & 1 != 0 ? "Enabled" : "Disabled")
        out.attr("Watchdog Timer", hasWatchdog ? "Present" : "Not Present")
        guard hasWatchdog else { return }
        out.attr("Boot Option", bootOptions[Int(capabilities >> 1) & 0x3])
        out.attr("Boot Option On Limit", bootOptions[Int(capabilities >> 3) & 0x3])
        out.attr("Reset Count", count(s.word(0x05)!))
        out.attr("Reset Limit", count(s.word(0x07)!))
        out.attr("Timer Interval", minutes(s.word(0x09)!))
        out.attr("Timeout", minutes(s.word(0x0B)!))
    }

    static func count(_ code: UInt16) -> String { code == 0xFFFF ? "Unknown" : "\(code)" }
    static func minutes(_ code: UInt16) -> String { code == 0xFFFF ? "Unknown" : "\(code) min" }

    /// What the system does after a watchdog reset (bits 2:1) and once the reset limit is reached (bits 4:3).
    static let bootOptions = [DMIFormat.outOfSpec, "Operating System", "System Utilities", "Do Not Reboot"]
}
