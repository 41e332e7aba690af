/// One TLV of an LLDPDU as it was on the wire: its type, its declared length, where it starts in the
/// frame, and what it says.
public struct LLDPTLV: Sendable, Equatable {
    public var type: UInt8
    public var length: Int
    /// Offset of the TLV header from the start of the LLDPDU.
    public var offset: Int
    public var value: LLDPTLVValue

    public init(type: UInt8, length: Int, offset: Int, value: LLDPTLVValue) {
        self.type = type
        self.length = length
        self.offset = offset
        self.value = value
    }
}

/// The decoded content of a TLV (IEEE 802.1AB-2016 clause 8.5 and the organizationally specific sets).
public enum LLDPTLVValue: Sendable, Equatable {
    case end
    case chassisID(LLDPIdentifier)
    case portID(LLDPIdentifier)
    case timeToLive(UInt16)
    case portDescription(String)
    case systemName(String)
    case systemDescription(String)
    case systemCapabilities(LLDPCapabilities)
    case managementAddress(LLDPManagementAddress)
    case organizational(LLDPOrganizationalTLV)
    /// A TLV whose body is too short or otherwise undecodable; the frame's problems say why.
    case malformed(data: [UInt8])
    /// A reserved TLV type (9-126): kept as bytes.
    case unknown(data: [UInt8])
}
