/// An Ethernet frame classified as LLDP, CDP or neither, with its discovery payload decoded.
public struct DiscoveryFrame: Sendable, Equatable {
    public enum Payload: Sendable, Equatable {
        case lldp(LLDPPDU)
        case cdp(CDPPacket)
    }

    public var destination: String
    public var source: String
    public var payload: Payload

    public var problems: [LLDPDecodeProblem] {
        switch payload {
        case .lldp(let pdu): return pdu.problems
        case .cdp(let packet): return packet.problems
        }
    }

    /// The nearest-bridge, non-TPMR and nearest-customer-bridge group addresses LLDP is sent to.
    static let lldpDestinations: Set<[UInt8]> = [
        [0x01, 0x80, 0xC2, 0x00, 0x00, 0x0E], [0x01, 0x80, 0xC2, 0x00, 0x00, 0x03], [0x01, 0x80, 0xC2, 0x00, 0x00, 0x00],
    ]
    static let cdpDestination: [UInt8] = [0x01, 0x00, 0x0C, 0xCC, 0xCC, 0xCC]
    /// LLC DSAP/SSAP 0xAA, UI, SNAP OUI 00-00-0C (Cisco), protocol 0x2000 (CDP).
    static let cdpSNAP: [UInt8] = [0xAA, 0xAA, 0x03, 0x00, 0x00, 0x0C, 0x20, 0x00]

    /// Decodes an Ethernet II frame with EtherType 0x88CC (optionally behind one 802.1Q tag), or an IEEE 802.3
    /// frame to the CDP multicast address with Cisco's SNAP header. Nil for any other frame.
    public static func decode(_ frame: [UInt8]) -> DiscoveryFrame? {
        let bytes = NetworkBytes(frame)
        guard let destination = bytes.slice(0, 6), let source = bytes.slice(6, 6), var etherType = bytes.u16(12) else { return nil }
        var payloadStart = 14
        if etherType == 0x8100 || etherType == 0x88A8, let inner = bytes.u16(16) {
            etherType = inner
            payloadStart = 18
        }
        if etherType == 0x88CC {
            return DiscoveryFrame(
                destination: hexBytes(destination), source: hexBytes(source),
                payload: .lldp(LLDPParser.parse(bytes.window(payloadStart, bytes.count - payloadStart))))
        }
        if etherType <= 1500, destination == cdpDestination, bytes.slice(payloadStart, 8) == cdpSNAP {
            // The 802.3 length bounds the CDP packet; the rest of the frame is padding.
            let end = min(bytes.count, payloadStart + Int(etherType))
            return DiscoveryFrame(
                destination: hexBytes(destination), source: hexBytes(source),
                payload: .cdp(CDPPacket.parse(Array(frame[min(end, payloadStart + 8)..<end]))))
        }
        return nil
    }
}
