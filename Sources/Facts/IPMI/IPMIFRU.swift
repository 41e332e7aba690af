/// A FRU inventory image (Platform Management FRU Information Storage Definition 1.0): the common header,
/// the chassis, board and product info areas decoded, the internal use and multi-record areas kept raw.
public struct IPMIFRU: Sendable, Equatable, Codable {
    public struct Chassis: Sendable, Equatable, Codable {
        /// The SMBIOS chassis type number and its name as ipmitool prints it.
        public var type: UInt8
        public var typeName: String
        public var partNumber: String
        public var serialNumber: String
        public var extra: [String]
    }

    public struct Board: Sendable, Equatable, Codable {
        /// Minutes since 1996-01-01 00:00 UTC; 0 is "unspecified".
        public var manufacturingMinutes: UInt32
        /// "Tue Apr  8 01:48:00 2014" (UTC), or nil when unspecified.
        public var manufacturingDate: String?
        public var manufacturer: String
        public var productName: String
        public var serialNumber: String
        public var partNumber: String
        public var fruFileID: String
        public var extra: [String]
    }

    public struct Product: Sendable, Equatable, Codable {
        public var manufacturer: String
        public var name: String
        public var partNumber: String
        public var version: String
        public var serialNumber: String
        public var assetTag: String
        public var fruFileID: String
        public var extra: [String]
    }

    public var id: UInt8
    public var size: Int
    public var chassis: Chassis?
    public var board: Board?
    public var product: Product?
    /// The internal use area's bytes, as hex.
    public var internalUse: String?
    /// The multi-record area from its offset to the end of the image, as hex.
    public var multiRecord: String?
    /// What could not be decoded (bad checksum, an area past the end); the rest is still decoded.
    public var problems: [String]

    /// Decodes `image`. Never traps: offsets and lengths are checked against the image.
    public init(id: UInt8 = 0, image: [UInt8]) throws(IPMIError) {
        self.id = id
        size = image.count
        problems = []
        guard image.count >= 8 else {
            throw .malformed(what: "FRU \(id)", detail: "\(image.count) bytes, the common header alone is 8")
        }
        guard image[0] & 0x0F == 1 else {
            throw .malformed(what: "FRU \(id)", detail: "common header format version \(image[0] & 0x0F), 1 expected")
        }
        if image[0..<8].reduce(0, { $0 &+ $1 }) != 0 { problems.append("common header checksum mismatch") }
        func area(_ index: Int, _ name: String) -> ArraySlice<UInt8>? {
            let offset = Int(image[index]) * 8
            guard offset != 0 else { return nil }
            guard offset + 2 <= image.count else {
                problems.append("\(name) area at offset \(offset) is past the end (\(image.count) bytes)")
                return nil
            }
            let length = Int(image[offset + 1]) * 8
            guard length >= 2, offset + length <= image.count else {
                problems.append("\(name) area at offset \(offset) (\(length) bytes) runs past the end (\(image.count) bytes)")
                return nil
            }
            let bytes = image[offset..<(offset + length)]
            if bytes.reduce(0, { $0 &+ $1 }) != 0 { problems.append("\(name) area checksum mismatch") }
            return bytes
        }
        if let offset = Optional(Int(image[1]) * 8), offset != 0, offset < image.count {
            let ends = [2, 3, 4, 5].map { Int(image[$0]) * 8 }.filter { $0 > offset }
            internalUse = IPMIHex.bytes(image[offset..<min(ends.min() ?? image.count, image.count)], separator: "")
        }
        if let bytes = area(2, "chassis") {
            var fields = FieldReader(bytes: bytes, start: bytes.startIndex + 3)
            let type = bytes[bytes.startIndex + 2]
            let all = fields.all()
            chassis = Chassis(
                type: type, typeName: IPMIFRU.chassisTypeName(type), partNumber: all.at(0), serialNumber: all.at(1),
                extra: Array(all.dropFirst(2)))
        }
        if let bytes = area(3, "board") {
            let s = bytes.startIndex
            if bytes.count >= 6 {
                let minutes = UInt32(bytes[s + 3]) | UInt32(bytes[s + 4]) << 8 | UInt32(bytes[s + 5]) << 16
                var fields = FieldReader(bytes: bytes, start: s + 6)
                let all = fields.all()
                board = Board(
                    manufacturingMinutes: minutes, manufacturingDate: minutes == 0 ? nil : IPMITime.fruDate(minutes: minutes),
                    manufacturer: all.at(0), productName: all.at(1), serialNumber: all.at(2), partNumber: all.at(3),
                    fruFileID: all.at(4), extra: Array(all.dropFirst(5)))
            }
        }
        if let bytes = area(4, "product") {
            var fields = FieldReader(bytes: bytes, start: bytes.startIndex + 3)
            let all = fields.all()
            product = Product(
                manufacturer: all.at(0), name: all.at(1), partNumber: all.at(2), version: all.at(3),
                serialNumber: all.at(4), assetTag: all.at(5), fruFileID: all.at(6), extra: Array(all.dropFirst(7)))
        }
        let multiOffset = Int(image[5]) * 8
        if multiOffset != 0 {
            if multiOffset < image.count {
                multiRecord = IPMIHex.bytes(image[multiOffset...], separator: "")
            } else {
                problems.append("multi-record area at offset \(multiOffset) is past the end (\(image.count) bytes)")
            }
        }
    }

    /// Type/length-coded fields up to the end marker 0xC1 (FRU spec 13).
    struct FieldReader {
        let bytes: ArraySlice<UInt8>
        var position: Int

        init(bytes: ArraySlice<UInt8>, start: Int) {
            self.bytes = bytes
            position = start
        }

        mutating func all() -> [String] {
            var result: [String] = []
            while position < bytes.endIndex, bytes[position] != 0xC1 {
                let typeLength = bytes[position]
                let length = Int(typeLength & 0x3F)
                let start = position + 1
                let end = min(start + length, bytes.endIndex)
                result.append(IPMIFRU.decodeField(type: typeLength >> 6, bytes: Array(bytes[min(start, end)..<end])))
                position = start + length
            }
            return result
        }
    }

    /// One field's text: 0 binary (hex, as ipmitool prints it), 1 BCD plus, 2 6-bit packed ASCII, 3 8-bit
    /// text (here Latin-1 / ASCII).
    static func decodeField(type: UInt8, bytes: [UInt8]) -> String {
        switch type {
        case 0:
            return IPMIHex.bytes(bytes, separator: "")
        case 1:
            let digits = Array("0123456789 -.???")
            return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] })
        case 2:
            // Four 6-bit characters in three bytes, least significant bits first; 0 is ' ' (0x20).
            var result = ""
            var accumulator = 0
            var bits = 0
            for byte in bytes {
                accumulator |= Int(byte) << bits
                bits += 8
                while bits >= 6 {
                    result.unicodeScalars.append(Unicode.Scalar(UInt8((accumulator & 0x3F) + 0x20)))
                    accumulator >>= 6
                    bits -= 6
                }
            }
            return result
        default:
            var result = ""
            for byte in bytes.prefix(while: { $0 != 0 }) { result.unicodeScalars.append(Unicode.Scalar(byte)) }
            return result
        }
    }

    /// SMBIOS chassis types as ipmitool names them (its chassis_type_desc).
    static let chassisTypes = [
        "Unspecified", "Other", "Unknown", "Desktop", "Low Profile Desktop", "Pizza Box", "Mini Tower", "Tower",
        "Portable", "LapTop", "Notebook", "Hand Held", "Docking Station", "All in One", "Sub Notebook",
        "Space-saving", "Lunch Box", "Main Server Chassis", "Expansion Chassis", "SubChassis",
        "Bus Expansion Chassis", "Peripheral Chassis", "RAID Chassis", "Rack Mount Chassis", "Sealed-case PC",
        "Multi-system Chassis", "Compact PCI", "Advanced TCA", "Blade", "Blade Enclosure", "Tablet",
        "Convertible", "Detachable", "IoT Gateway", "Embedded PC", "Mini PC", "Stick PC",
    ]

    static func chassisTypeName(_ type: UInt8) -> String {
        Int(type) < chassisTypes.count ? chassisTypes[Int(type)] : "Unknown"
    }
}

extension Array where Element == String {
    fileprivate func at(_ index: Int) -> String { index < count ? self[index] : "" }
}
