/// Neighbours by local interface, filled frame by frame. A later frame from the same neighbour (same
/// protocol, chassis and port) replaces the earlier one, as an LLDP agent's remote table does.
public struct LLDPNeighborTable: Sendable, Equatable {
    public private(set) var interfaces: [String: [LLDPNeighbor]] = [:]

    public init() {}

    /// Decodes one received frame and records its neighbour. Returns a diagnostic when the frame was
    /// malformed (what was wrong, and whether the neighbour was still recorded); frames that are neither
    /// LLDP nor CDP are ignored silently.
    @discardableResult
    public mutating func add(frame: [UInt8], interface: String, seenAt: String?) -> Diagnostic? {
        guard let decoded = DiscoveryFrame.decode(frame) else { return nil }
        let neighbor: LLDPNeighbor?
        let kind: String
        switch decoded.payload {
        case .lldp(let pdu):
            neighbor = LLDPNeighbor(pdu: pdu, source: decoded.source, seenAt: seenAt)
            kind = "LLDP"
        case .cdp(let packet):
            neighbor = LLDPNeighbor(cdp: packet, source: decoded.source, seenAt: seenAt)
            kind = "CDP"
        }
        if let neighbor { record(neighbor, on: interface) }
        let problems = decoded.problems
        guard !problems.isEmpty else { return nil }
        let outcome = neighbor == nil ? "frame dropped" : "neighbour recorded from the TLVs that could be read"
        return Diagnostic(
            collector: "lldp", path: interface,
            error: "malformed \(kind) frame from \(decoded.source): \(problems.map(\.message).joined(separator: "; ")); \(outcome)")
    }

    public mutating func record(_ neighbor: LLDPNeighbor, on interface: String) {
        var list = interfaces[interface] ?? []
        if let existing = list.firstIndex(where: {
            $0.protocol == neighbor.protocol && $0.chassis == neighbor.chassis && $0.port.id == neighbor.port.id
        }) {
            list[existing] = neighbor
        } else {
            list.append(neighbor)
        }
        interfaces[interface] = list
    }

    public func hasNeighbor(on interface: String) -> Bool {
        !(interfaces[interface] ?? []).isEmpty
    }
}
