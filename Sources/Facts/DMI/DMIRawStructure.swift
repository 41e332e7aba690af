/// A structure kept as the firmware wrote it.
public struct DMIRawStructure: Sendable, Equatable, Codable {
    public var handle: UInt16
    public var type: UInt8
    public var length: Int
    /// The formatted area, header included, as lower-case hex without separators.
    public var data: String
    public var strings: [String]

    public init(_ s: SMBIOSStructure) {
        handle = s.handle
        type = s.type
        length = s.length
        data = s.formatted.map { hex2($0).lowercased() }.joined()
        strings = s.strings.map(SMBIOSStructure.asciiFiltered)
    }
}
