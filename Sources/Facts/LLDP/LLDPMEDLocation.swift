/// LLDP-MED location identification (TIA-1057 10.2.4): coordinates (raw), a civic address, or an ELIN.
public struct LLDPMEDLocation: Sendable, Equatable, Codable {
    public struct CivicElement: Sendable, Equatable, Codable {
        public var type: UInt8
        public var value: String
    }

    /// 1 coordinate-based LCI, 2 civic address LCI, 3 ECS ELIN.
    public var format: UInt8
    public var formatName: String
    /// Civic: the two-letter country code and the address elements (RFC 4776 CAtypes).
    public var country: String?
    public var elements: [CivicElement]?
    /// ELIN: the emergency number.
    public var elin: String?
    /// The location data as sent, hex.
    public var data: String

    public init(format: UInt8, data: [UInt8]) {
        self.format = format
        self.data = hexBytes(data, separator: "")
        switch format {
        case 1: formatName = "coordinates"
        case 2: formatName = "civic"
        case 3: formatName = "elin"
        default: formatName = "format \(format)"
        }
        if format == 3 { elin = protocolString(data) }
        // Civic LCI: LCI length, what, country (2), then CAtype/length/value triples.
        if format == 2, data.count >= 4 {
            country = protocolString(Array(data[2..<4]))
            var elements: [CivicElement] = []
            var offset = 4
            let end = min(data.count, 1 + Int(data[0]))
            while offset + 2 <= end {
                let type = data[offset], length = Int(data[offset + 1])
                guard offset + 2 + length <= end else { break }
                elements.append(CivicElement(type: type, value: protocolString(Array(data[(offset + 2)..<(offset + 2 + length)]))))
                offset += 2 + length
            }
            self.elements = elements
        }
    }
}
