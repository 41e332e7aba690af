/// One CDP TLV (type codes as Cisco and Wireshark name them).
public struct CDPTLV: Sendable, Equatable {
    public var type: UInt16
    /// The length field, which includes the 4-byte header.
    public var length: Int
    public var value: Value

    public enum Value: Sendable, Equatable {
        case deviceID(String)
        case addresses([CDPAddress])
        case portID(String)
        /// Router 0x01, transparent bridge 0x02, source-route bridge 0x04, switch 0x08, host 0x10, IGMP 0x20, repeater 0x40.
        case capabilities(UInt32)
        case softwareVersion(String)
        case platform(String)
        case vtpDomain(String)
        case nativeVLAN(UInt16)
        /// 0 half, 1 full.
        case duplex(UInt8)
        case mtu(UInt32)
        case managementAddresses([CDPAddress])
        case other([UInt8])
    }

    static func decode(type: UInt16, body: NetworkBytes) -> Result<Value, LLDPDecodeProblem> {
        let text = protocolString(body.rest(0))
        switch type {
        case 0x01: return .success(.deviceID(text))
        case 0x02, 0x16:
            return CDPAddress.list(body).map { type == 0x02 ? .addresses($0) : .managementAddresses($0) }
        case 0x03: return .success(.portID(text))
        case 0x04:
            guard let bits = body.u32(0) else { return .failure(LLDPDecodeProblem("capabilities need 4 bytes, \(body.count) given")) }
            return .success(.capabilities(bits))
        case 0x05: return .success(.softwareVersion(text))
        case 0x06: return .success(.platform(text))
        case 0x09: return .success(.vtpDomain(text))
        case 0x0A:
            guard let vlan = body.u16(0) else { return .failure(LLDPDecodeProblem("native VLAN needs 2 bytes, \(body.count) given")) }
            return .success(.nativeVLAN(vlan))
        case 0x0B:
            guard let duplex = body.u8(0) else { return .failure(LLDPDecodeProblem("duplex needs 1 byte")) }
            return .success(.duplex(duplex))
        case 0x11:
            guard let mtu = body.u32(0) else { return .failure(LLDPDecodeProblem("MTU needs 4 bytes, \(body.count) given")) }
            return .success(.mtu(mtu))
        default:
            return .success(.other(body.rest(0)))
        }
    }

    public static let capabilityNames: [(UInt32, String)] = [
        (0x01, "router"), (0x02, "transparent-bridge"), (0x04, "source-route-bridge"), (0x08, "switch"),
        (0x10, "host"), (0x20, "igmp"), (0x40, "repeater"), (0x80, "phone"), (0x100, "remote"),
    ]
}
