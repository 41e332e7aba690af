/// The classic BPF program attached to the listening socket, so the kernel hands user space only LLDP
/// and CDP frames and the listener never sees (or wakes for) ordinary traffic.
///
/// Accepts: EtherType 0x88CC to 01:80:C2:00:00:0E, :03 or :00 (the three LLDP group addresses), and
/// IEEE 802.3 frames (length field <= 1500) to 01:00:0C:CC:CC:CC with Cisco's SNAP header for CDP.
public enum DiscoveryPacketFilter {
    /// Bytes of a frame to accept; the kernel truncates longer frames to this (LLDPDUs fit in 1500).
    public static let acceptLength: UInt32 = 0xFFFF

    public static let program: [BPFInstruction] = {
        typealias I = BPFInstruction
        let accept: UInt8 = 15, reject: UInt8 = 16
        // Jump offsets are relative to the next instruction: target - (index + 1).
        func to(_ target: UInt8, from index: UInt8) -> UInt8 { target - index - 1 }
        return [
            /* 0 */ I(I.loadWord, 0, 0, 0),                          // A = destination bytes 0-3
            /* 1 */ I(I.jumpEqual, 0, to(8, from: 1), 0x0180_C200),   // LLDP group prefix? else try CDP
            /* 2 */ I(I.loadHalf, 0, 0, 4),                          // A = destination bytes 4-5
            /* 3 */ I(I.jumpEqual, to(6, from: 3), 0, 0x000E),
            /* 4 */ I(I.jumpEqual, to(6, from: 4), 0, 0x0003),
            /* 5 */ I(I.jumpEqual, 0, to(reject, from: 5), 0x0000),
            /* 6 */ I(I.loadHalf, 0, 0, 12),                         // A = EtherType
            /* 7 */ I(I.jumpEqual, to(accept, from: 7), to(reject, from: 7), 0x88CC),
            /* 8 */ I(I.jumpEqual, 0, to(reject, from: 8), 0x0100_0CCC), // CDP destination bytes 0-3
            /* 9 */ I(I.loadHalf, 0, 0, 4),
            /* 10 */ I(I.jumpEqual, 0, to(reject, from: 10), 0xCCCC),
            /* 11 */ I(I.loadHalf, 0, 0, 12),                        // an 802.3 length, not an EtherType
            /* 12 */ I(I.jumpGreater, to(reject, from: 12), 0, 1500),
            /* 13 */ I(I.loadWord, 0, 0, 18),                        // SNAP OUI low bytes and protocol ID
            /* 14 */ I(I.jumpEqual, 0, to(reject, from: 14), 0x000C_2000),
            /* 15 */ I(I.returnConstant, 0, 0, acceptLength),
            /* 16 */ I(I.returnConstant, 0, 0, 0),
        ]
    }()
}
