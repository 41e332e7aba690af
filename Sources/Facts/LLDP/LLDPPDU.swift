/// An LLDPDU decoded TLV by TLV, with what was wrong with it.
///
/// Decoding never stops at a bad TLV unless its length makes the rest of the chain unreadable: every TLV
/// that could be read is in `tlvs`, and each problem is one line in `problems`.
public struct LLDPPDU: Sendable, Equatable {
    public var tlvs: [LLDPTLV]
    public var problems: [LLDPDecodeProblem]

    public init(tlvs: [LLDPTLV], problems: [LLDPDecodeProblem]) {
        self.tlvs = tlvs
        self.problems = problems
    }

    /// Whether the three mandatory TLVs (chassis ID, port ID, TTL) are there, so a neighbour can be named.
    public var hasMandatoryTLVs: Bool {
        chassisID != nil && portID != nil && timeToLive != nil
    }

    public var chassisID: LLDPIdentifier? {
        tlvs.lazy.compactMap { if case .chassisID(let id) = $0.value { return id } else { return nil } }.first
    }

    public var portID: LLDPIdentifier? {
        tlvs.lazy.compactMap { if case .portID(let id) = $0.value { return id } else { return nil } }.first
    }

    public var timeToLive: UInt16? {
        tlvs.lazy.compactMap { if case .timeToLive(let ttl) = $0.value { return ttl } else { return nil } }.first
    }
}
