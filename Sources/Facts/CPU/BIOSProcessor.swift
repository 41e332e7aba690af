/// What the firmware says of the first processor (SMBIOS type 4), which lscpu prints on the running
/// machine as `BIOS Vendor ID`, `BIOS Model name` and `BIOS CPU family`.
public struct BIOSProcessor: Sendable, Equatable {
    public var vendor: String?
    /// lscpu's composition: `"<version> <part number> CPU @ <current speed as G.gGHz>"`.
    public var modelName: String
    public var family: Int

    /// From the first type 4 structure of the table, as util-linux 2.38 reads it; nil when there is none.
    public init?(_ table: SMBIOSTable) {
        guard let s = table.structures(ofType: 4).first, s.length >= 0x17 else { return nil }
        let raw = { (offset: Int) -> String? in
            guard let number = s.byte(offset), number != 0, Int(number) <= s.strings.count else { return nil }
            return String(decoding: s.strings[Int(number) - 1], as: UTF8.self)
        }
        vendor = raw(0x07)
        let speed = Int(s.word(0x16)!)
        modelName = "\(raw(0x10) ?? "") \(raw(0x22) ?? "") CPU @ \(speed / 1000).\((speed % 1000) / 100)GHz"
        let code = s.byte(0x06)!
        family = code == 0xFE ? Int(s.word(0x28) ?? 0) : Int(code)
    }
}
