/// Power via MDI (IEEE 802.3 clause 79.3.2), with the 802.3at fields when the TLV carries them.
public struct LLDPPowerViaMDI: Sendable, Equatable, Codable {
    /// `PSE` or `PD`.
    public var deviceType: String
    public var supported: Bool
    public var enabled: Bool
    public var pairsControllable: Bool
    /// 1 signal, 2 spare.
    public var pairs: UInt8
    /// The power class byte: 1-5 for classes 0-4.
    public var powerClass: UInt8
    /// 802.3at: 1 for type 1, 2 for type 2 (absent in shorter TLVs).
    public var powerType: UInt8?
    public var powerSource: UInt8?
    public var powerPriority: UInt8?
    /// 802.3at requested and allocated power, in milliwatts.
    public var requestedMilliwatts: Int?
    public var allocatedMilliwatts: Int?

    init(_ info: NetworkBytes) {
        let support = info.u8(0) ?? 0
        deviceType = support & 0x01 != 0 ? "PSE" : "PD"
        supported = support & 0x02 != 0
        enabled = support & 0x04 != 0
        pairsControllable = support & 0x08 != 0
        pairs = info.u8(1) ?? 0
        powerClass = info.u8(2) ?? 0
        if let flags = info.u8(3), let requested = info.u16(4), let allocated = info.u16(6) {
            // Bit 7: type (0 type 2, 1 type 1, from the PSE's or PD's view in bit 6); bits 5-4 source; 1-0 priority.
            powerType = flags & 0x40 != 0 ? 1 : 2
            powerSource = flags >> 4 & 0x03
            powerPriority = flags & 0x03
            requestedMilliwatts = Int(requested) * 100
            allocatedMilliwatts = Int(allocated) * 100
        }
    }
}
