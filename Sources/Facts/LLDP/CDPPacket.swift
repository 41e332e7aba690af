/// A Cisco Discovery Protocol packet (the bytes after the LLC/SNAP header), decoded TLV by TLV.
public struct CDPPacket: Sendable, Equatable {
    public var version: UInt8
    public var ttl: UInt8
    public var checksum: UInt16
    public var tlvs: [CDPTLV]
    public var problems: [LLDPDecodeProblem]

    public var deviceID: String? {
        tlvs.lazy.compactMap { if case .deviceID(let v) = $0.value { return v } else { return nil } }.first
    }

    public var portID: String? {
        tlvs.lazy.compactMap { if case .portID(let v) = $0.value { return v } else { return nil } }.first
    }

    /// Decodes version, TTL, checksum and the TLV chain (type 2 bytes, length 2 bytes including the header).
    public static func parse(_ bytes: [UInt8]) -> CDPPacket {
        let data = NetworkBytes(bytes)
        var packet = CDPPacket(version: data.u8(0) ?? 0, ttl: data.u8(1) ?? 0, checksum: data.u16(2) ?? 0, tlvs: [], problems: [])
        guard data.count >= 4 else {
            packet.problems.append(LLDPDecodeProblem("CDP header of \(data.count) bytes is shorter than 4"))
            return packet
        }
        var offset = 4
        while offset < data.count {
            guard let type = data.u16(offset), let length = data.u16(offset + 2).map(Int.init) else {
                packet.problems.append(LLDPDecodeProblem("CDP TLV header at offset \(offset) is cut short; decoding stopped"))
                break
            }
            guard length >= 4 else {
                packet.problems.append(LLDPDecodeProblem("CDP TLV 0x\(String(type, radix: 16)) at offset \(offset) has length \(length), less than its 4-byte header; decoding stopped"))
                break
            }
            guard offset + length <= data.count else {
                packet.problems.append(LLDPDecodeProblem("CDP TLV 0x\(String(type, radix: 16)) at offset \(offset) declares \(length) bytes but only \(data.count - offset) remain; decoding stopped"))
                break
            }
            let body = data.window(offset + 4, length - 4)
            let value: CDPTLV.Value
            switch CDPTLV.decode(type: type, body: body) {
            case .success(let decoded): value = decoded
            case .failure(let problem):
                packet.problems.append(LLDPDecodeProblem("CDP TLV 0x\(String(type, radix: 16)) at offset \(offset): \(problem.message)"))
                value = .other(body.rest(0))
            }
            packet.tlvs.append(CDPTLV(type: type, length: length, value: value))
            offset += length
        }
        if packet.deviceID == nil { packet.problems.append(LLDPDecodeProblem("CDP packet has no Device-ID TLV")) }
        return packet
    }
}
