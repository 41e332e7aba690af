/// An organizationally specific TLV (type 127): OUI, subtype, and what the sets mkagent knows say.
public struct LLDPOrganizationalTLV: Sendable, Equatable {
    public var oui: UInt32
    public var subtype: UInt8
    public var content: Content
    /// The information string after OUI and subtype, kept for every TLV (raw output, unknown TLVs).
    public var data: [UInt8]

    public enum Content: Sendable, Equatable {
        // IEEE 802.1 (00-80-C2), 802.1Q-2018 Annex D
        case portVLANID(UInt16)
        case protocolVLAN(LLDPProtocolVLAN)
        case vlanName(LLDPVLANName)
        case protocolIdentity([UInt8])
        // IEEE 802.1 subtype 7 and IEEE 802.3 subtype 3 carry the same structure
        case linkAggregation(LLDPLinkAggregation)
        // IEEE 802.3 (00-12-0F), 802.3-2018 clause 79
        case macPHY(LLDPMACPHY)
        case powerViaMDI(LLDPPowerViaMDI)
        case maximumFrameSize(UInt16)
        // LLDP-MED (00-12-BB), ANSI/TIA-1057
        case medCapabilities(LLDPMEDCapabilities)
        case medNetworkPolicy(LLDPMEDNetworkPolicy)
        case medLocation(LLDPMEDLocation)
        case medPower(LLDPMEDPower)
        /// Inventory subtypes 5-11 (hardware, firmware, software revision, serial, manufacturer, model, asset ID).
        case medInventory(String)
        /// An OUI or subtype mkagent does not decode (DCBX, EVB, vendor TLVs): `data` holds the bytes.
        case other
    }

    public static let ieee8021: UInt32 = 0x0080C2
    public static let ieee8023: UInt32 = 0x00120F
    public static let tiaMED: UInt32 = 0x0012BB

    public init(oui: UInt32, subtype: UInt8, content: Content, data: [UInt8]) {
        self.oui = oui
        self.subtype = subtype
        self.content = content
        self.data = data
    }

    /// `00-80-c2`, as OUIs are written in the standards.
    public var ouiText: String {
        hexBytes([UInt8(oui >> 16 & 0xFF), UInt8(oui >> 8 & 0xFF), UInt8(oui & 0xFF)], separator: "-")
    }

    /// Decodes an organizationally specific TLV body (at least 4 bytes: OUI and subtype).
    static func decode(_ body: NetworkBytes) -> Result<LLDPOrganizationalTLV, LLDPDecodeProblem> {
        guard let ouiHigh = body.u16(0), let ouiLow = body.u8(2), let subtype = body.u8(3) else {
            return .failure(LLDPDecodeProblem("organizationally specific TLV of \(body.count) bytes is shorter than its 4-byte OUI and subtype"))
        }
        let oui = UInt32(ouiHigh) << 8 | UInt32(ouiLow)
        let info = body.window(4, body.count - 4)
        let data = info.rest(0)
        let name = "\(hexBytes([UInt8(oui >> 16), UInt8(oui >> 8 & 0xFF), UInt8(oui & 0xFF)], separator: "-")) subtype \(subtype)"
        func need(_ count: Int, exact: Bool = false) -> LLDPDecodeProblem? {
            if info.count < count || (exact && info.count != count) {
                return LLDPDecodeProblem("\(name): \(info.count) bytes of information, \(exact ? "" : "at least ")\(count) expected")
            }
            return nil
        }
        func make(_ content: Content) -> Result<LLDPOrganizationalTLV, LLDPDecodeProblem> {
            .success(LLDPOrganizationalTLV(oui: oui, subtype: subtype, content: content, data: data))
        }
        switch (oui, subtype) {
        case (ieee8021, 1):
            if let problem = need(2) { return .failure(problem) }
            return make(.portVLANID(info.u16(0)!))
        case (ieee8021, 2):
            if let problem = need(3) { return .failure(problem) }
            return make(.protocolVLAN(LLDPProtocolVLAN(flags: info.u8(0)!, id: info.u16(1)!)))
        case (ieee8021, 3):
            if let problem = need(3) { return .failure(problem) }
            let length = Int(info.u8(2)!)
            guard let name = info.slice(3, length) else {
                return .failure(LLDPDecodeProblem("\(name): VLAN name of \(length) bytes runs past the TLV end"))
            }
            return make(.vlanName(LLDPVLANName(id: info.u16(0)!, name: protocolString(name))))
        case (ieee8021, 4):
            if let problem = need(1) { return .failure(problem) }
            let length = Int(info.u8(0)!)
            guard let identity = info.slice(1, length) else {
                return .failure(LLDPDecodeProblem("\(name): protocol identity of \(length) bytes runs past the TLV end"))
            }
            return make(.protocolIdentity(identity))
        case (ieee8021, 7), (ieee8023, 3):
            if let problem = need(5) { return .failure(problem) }
            return make(.linkAggregation(LLDPLinkAggregation(status: info.u8(0)!, portID: info.u32(1)!)))
        case (ieee8023, 1):
            if let problem = need(5) { return .failure(problem) }
            return make(.macPHY(LLDPMACPHY(autonegotiation: info.u8(0)!, advertised: info.u16(1)!, mauType: info.u16(3)!)))
        case (ieee8023, 2):
            if let problem = need(3) { return .failure(problem) }
            return make(.powerViaMDI(LLDPPowerViaMDI(info)))
        case (ieee8023, 4):
            if let problem = need(2) { return .failure(problem) }
            return make(.maximumFrameSize(info.u16(0)!))
        case (tiaMED, 1):
            if let problem = need(3) { return .failure(problem) }
            return make(.medCapabilities(LLDPMEDCapabilities(capabilities: info.u16(0)!, deviceClass: info.u8(2)!)))
        case (tiaMED, 2):
            if let problem = need(4) { return .failure(problem) }
            return make(.medNetworkPolicy(LLDPMEDNetworkPolicy(applicationType: info.u8(0)!, bits: UInt32(info.u8(1)!) << 16 | UInt32(info.u16(2)!))))
        case (tiaMED, 3):
            if let problem = need(1) { return .failure(problem) }
            return make(.medLocation(LLDPMEDLocation(format: info.u8(0)!, data: info.rest(1))))
        case (tiaMED, 4):
            if let problem = need(3) { return .failure(problem) }
            return make(.medPower(LLDPMEDPower(flags: info.u8(0)!, value: info.u16(1)!)))
        case (tiaMED, 5...11):
            return make(.medInventory(protocolString(data)))
        default:
            return make(.other)
        }
    }
}
