/// A management address TLV (802.1AB 8.5.9): where the neighbour can be managed.
public struct LLDPManagementAddress: Sendable, Equatable, Codable {
    public var address: String
    /// IANA address family number (1 IPv4, 2 IPv6, 6 IEEE 802 MAC, ...).
    public var addressFamily: UInt8
    /// `ipv4`, `ipv6`, `mac` or `afi-N`.
    public var family: String
    /// 1 unknown, 2 ifIndex, 3 system port number.
    public var interfaceNumberingSubtype: UInt8
    public var interfaceNumbering: String
    public var interfaceNumber: UInt32
    /// The object identifier in dotted form when it is well-formed BER, else its hex bytes; nil when absent.
    public var oid: String?

    public init(
        address: String, addressFamily: UInt8, interfaceNumberingSubtype: UInt8, interfaceNumber: UInt32,
        oid: String? = nil
    ) {
        self.address = address
        self.addressFamily = addressFamily
        family = Self.familyName(addressFamily)
        self.interfaceNumberingSubtype = interfaceNumberingSubtype
        interfaceNumbering = Self.numberingName(interfaceNumberingSubtype)
        self.interfaceNumber = interfaceNumber
        self.oid = oid
    }

    static func familyName(_ family: UInt8) -> String {
        switch family {
        case 1: return "ipv4"
        case 2: return "ipv6"
        case 6: return "mac"
        default: return "afi-\(family)"
        }
    }

    static func numberingName(_ subtype: UInt8) -> String {
        switch subtype {
        case 1: return "unknown"
        case 2: return "ifindex"
        case 3: return "system-port"
        default: return "subtype-\(subtype)"
        }
    }

    /// An address of a known family as text; nil when the family is unknown or the length is wrong.
    static func text(family: UInt8, address: [UInt8]) -> String? {
        switch (family, address.count) {
        case (1, 4), (2, 16): return ipAddressText(address)
        case (6, 6): return hexBytes(address)
        default: return nil
        }
    }

    /// Decodes the body: address string length, family, address, numbering subtype, number, OID length, OID.
    /// Returns a problem text instead when a length field does not fit.
    static func decode(_ body: NetworkBytes) -> Result<LLDPManagementAddress, LLDPDecodeProblem> {
        guard let stringLength = body.u8(0), stringLength >= 2, stringLength <= 32 else {
            return .failure(LLDPDecodeProblem("management address string length \(body.u8(0).map(String.init) ?? "missing") is outside 2...32"))
        }
        guard let family = body.u8(1), let raw = body.slice(2, Int(stringLength) - 1) else {
            return .failure(LLDPDecodeProblem("management address of \(stringLength - 1) bytes runs past the TLV end"))
        }
        let after = 1 + Int(stringLength)
        guard let numbering = body.u8(after), let number = body.u32(after + 1), let oidLength = body.u8(after + 5) else {
            return .failure(LLDPDecodeProblem("management address TLV ends inside the interface number fields"))
        }
        guard let oidBytes = body.slice(after + 6, Int(oidLength)) else {
            return .failure(LLDPDecodeProblem("management address OID of \(oidLength) bytes runs past the TLV end"))
        }
        let oid = oidBytes.isEmpty ? nil : (berOID(oidBytes) ?? hexBytes(oidBytes))
        return .success(LLDPManagementAddress(
            address: text(family: family, address: raw) ?? hexBytes(raw), addressFamily: family,
            interfaceNumberingSubtype: numbering, interfaceNumber: number, oid: oid))
    }

    /// A BER-encoded OBJECT IDENTIFIER body (no tag/length) in dotted form.
    static func berOID(_ bytes: [UInt8]) -> String? {
        var arcs: [UInt64] = []
        var value: UInt64 = 0
        var pending = false
        for byte in bytes {
            guard value >> 56 == 0 else { return nil }
            value = value << 7 | UInt64(byte & 0x7F)
            pending = byte & 0x80 != 0
            if !pending {
                arcs.append(value)
                value = 0
            }
        }
        guard !pending, let first = arcs.first else { return nil }
        let head: [UInt64] = first < 80 ? [first / 40, first % 40] : [2, first - 80]
        return (head + arcs.dropFirst()).map(String.init).joined(separator: ".")
    }
}
