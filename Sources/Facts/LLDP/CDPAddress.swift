/// An address in a CDP Addresses or Management Addresses TLV.
public struct CDPAddress: Sendable, Equatable, Codable {
    /// 1 NLPID, 2 IEEE 802.2.
    public var protocolType: UInt8
    /// `ipv4`, `ipv6` or the protocol bytes in hex.
    public var family: String
    public var address: String

    /// Count (4 bytes), then per address: protocol type, protocol length, protocol, address length (2), address.
    static func list(_ body: NetworkBytes) -> Result<[CDPAddress], LLDPDecodeProblem> {
        guard let count = body.u32(0) else { return .failure(LLDPDecodeProblem("address count needs 4 bytes, \(body.count) given")) }
        var result: [CDPAddress] = []
        var offset = 4
        for index in 0..<Int(min(count, 1024)) {
            guard let type = body.u8(offset), let protocolLength = body.u8(offset + 1).map(Int.init),
                let proto = body.slice(offset + 2, protocolLength),
                let addressLength = body.u16(offset + 2 + protocolLength).map(Int.init),
                let raw = body.slice(offset + 4 + protocolLength, addressLength)
            else {
                return .failure(LLDPDecodeProblem("address \(index + 1) of \(count) runs past the TLV end"))
            }
            let family: String
            if type == 1 && proto == [0xCC] {
                family = "ipv4"
            } else if type == 2 && proto.suffix(2) == [0x86, 0xDD] {
                family = "ipv6"
            } else {
                family = hexBytes(proto, separator: "")
            }
            let text = (family == "ipv4" || family == "ipv6") ? ipAddressText(raw) : nil
            result.append(CDPAddress(protocolType: type, family: family, address: text ?? hexBytes(raw)))
            offset += 4 + protocolLength + addressLength
        }
        return .success(result)
    }
}
