/// Decodes an LLDPDU (the bytes after the Ethernet header) into TLVs. Pure: bytes in, values out.
///
/// IEEE 802.1AB-2016 clause 8: a chain of TLVs, each a 7-bit type and 9-bit length followed by that many
/// bytes, ending with an End of LLDPDU TLV (type 0, length 0). The first three TLVs must be chassis ID,
/// port ID and time to live; each appears once.
public enum LLDPParser {
    public static func parse(_ pdu: [UInt8]) -> LLDPPDU {
        parse(NetworkBytes(pdu))
    }

    static func parse(_ bytes: NetworkBytes) -> LLDPPDU {
        var tlvs: [LLDPTLV] = []
        var problems: [LLDPDecodeProblem] = []
        var offset = 0
        var sawEnd = false
        while offset < bytes.count {
            guard let header = bytes.u16(offset) else {
                problems.append(LLDPDecodeProblem("TLV header at offset \(offset) is cut short (1 byte left); decoding stopped"))
                break
            }
            let type = UInt8(header >> 9)
            let length = Int(header & 0x01FF)
            let bodyStart = offset + 2
            guard bodyStart + length <= bytes.count else {
                problems.append(LLDPDecodeProblem(
                    "\(typeName(type)) TLV at offset \(offset) declares \(length) bytes but only \(bytes.count - bodyStart) remain; decoding stopped"))
                break
            }
            let body = bytes.window(bodyStart, length)
            let value: LLDPTLVValue
            switch decode(type: type, body: body) {
            case .success(let decoded):
                value = decoded
            case .failure(let problem):
                problems.append(LLDPDecodeProblem("\(typeName(type)) TLV at offset \(offset): \(problem.message)"))
                value = .malformed(data: body.rest(0))
            }
            tlvs.append(LLDPTLV(type: type, length: length, offset: offset, value: value))
            offset = bodyStart + length
            if type == 0 {
                sawEnd = true
                break
            }
        }
        if sawEnd {
            // What follows End is Ethernet padding (zeros); anything else is TLVs sent after the end.
            let trailing = bytes.rest(offset)
            if trailing.contains(where: { $0 != 0 }) {
                problems.append(LLDPDecodeProblem("\(trailing.count) bytes after the End of LLDPDU TLV at offset \(offset - 2) are not padding; ignored"))
            }
        } else if problems.isEmpty {
            problems.append(LLDPDecodeProblem("no End of LLDPDU TLV before the frame ends at offset \(bytes.count)"))
        }
        checkMandatory(tlvs, &problems)
        return LLDPPDU(tlvs: tlvs, problems: problems)
    }

    static func decode(type: UInt8, body: NetworkBytes) -> Result<LLDPTLVValue, LLDPDecodeProblem> {
        let length = body.count
        switch type {
        case 0:
            return length == 0 ? .success(.end) : .failure(LLDPDecodeProblem("length \(length), 0 expected"))
        case 1, 2:
            guard (2...256).contains(length), let id = LLDPIdentifier(role: type == 1 ? .chassis : .port, body: body.rest(0)) else {
                return .failure(LLDPDecodeProblem("length \(length) is outside 2...256"))
            }
            return .success(type == 1 ? .chassisID(id) : .portID(id))
        case 3:
            guard length >= 2, let ttl = body.u16(0) else { return .failure(LLDPDecodeProblem("length \(length), at least 2 expected")) }
            return .success(.timeToLive(ttl))
        case 4: return .success(.portDescription(protocolString(body.rest(0))))
        case 5: return .success(.systemName(protocolString(body.rest(0))))
        case 6: return .success(.systemDescription(protocolString(body.rest(0))))
        case 7:
            guard length == 4, let supported = body.u16(0), let enabled = body.u16(2) else {
                return .failure(LLDPDecodeProblem("length \(length), 4 expected"))
            }
            return .success(.systemCapabilities(LLDPCapabilities(supportedBits: supported, enabledBits: enabled)))
        case 8:
            return LLDPManagementAddress.decode(body).map { .managementAddress($0) }
        case 127:
            return LLDPOrganizationalTLV.decode(body).map { .organizational($0) }
        default:
            return .success(.unknown(data: body.rest(0)))
        }
    }

    static func checkMandatory(_ tlvs: [LLDPTLV], _ problems: inout [LLDPDecodeProblem]) {
        let names: [(UInt8, String)] = [(1, "chassis ID"), (2, "port ID"), (3, "time to live")]
        var missing: [String] = []
        for (position, (type, name)) in names.enumerated() {
            let count = tlvs.filter { $0.type == type }.count
            if count == 0 {
                missing.append(name)
            } else if count > 1 {
                problems.append(LLDPDecodeProblem("\(count) \(name) TLVs, one expected; the first is used"))
            } else if tlvs.count > position, tlvs[position].type != type {
                problems.append(LLDPDecodeProblem("\(name) TLV is not TLV number \(position + 1) as 802.1AB requires"))
            }
        }
        if !missing.isEmpty {
            problems.append(LLDPDecodeProblem("mandatory \(missing.joined(separator: ", ")) TLV\(missing.count > 1 ? "s" : "") missing"))
        }
    }

    /// A TLV type's name for messages.
    public static func typeName(_ type: UInt8) -> String {
        switch type {
        case 0: return "End of LLDPDU"
        case 1: return "Chassis ID"
        case 2: return "Port ID"
        case 3: return "Time To Live"
        case 4: return "Port Description"
        case 5: return "System Name"
        case 6: return "System Description"
        case 7: return "System Capabilities"
        case 8: return "Management Address"
        case 127: return "Organizationally Specific"
        default: return "type \(type)"
        }
    }
}
