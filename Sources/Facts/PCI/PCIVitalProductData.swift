/// A PCI function's Vital Product Data (PCI Local Bus 3.0 section 6.4 and appendix I; sysfs `vpd`): the
/// Identifier String resource (the product name) and the read-only VPD-R keywords (`PN` part number, `EC`
/// engineering change, `SN` serial number, `MN` manufacturer id, `V0`-`VZ` vendor specific).
public struct PCIVitalProductData: Sendable, Equatable {
    public var productName: String?
    /// VPD-R keywords in order, `RV` (the checksum) left out.
    public var readOnly: [(keyword: String, value: String)]

    public var partNumber: String? { value("PN") }
    public var serialNumber: String? { value("SN") }
    public var engineeringChange: String? { value("EC") }

    public func value(_ keyword: String) -> String? {
        readOnly.first { $0.keyword == keyword }?.value
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.productName == b.productName && a.readOnly.map(\.keyword) == b.readOnly.map(\.keyword)
            && a.readOnly.map(\.value) == b.readOnly.map(\.value)
    }

    /// Walks the resources until the End tag or the data runs out; a resource that claims more bytes than
    /// remain ends the walk with what was decoded before it. Nil when nothing was decoded.
    public init?(parsing bytes: [UInt8]) {
        productName = nil
        readOnly = []
        var offset = 0
        while offset < bytes.count {
            let tag = bytes[offset]
            if tag & 0x80 == 0 {
                // Small resource: bits 6-3 name, 2-0 length. 0x0F is the End tag.
                if tag >> 3 == 0x0F { break }
                offset += 1 + Int(tag & 0x07)
                continue
            }
            guard offset + 3 <= bytes.count else { break }
            let length = Int(bytes[offset + 1]) | Int(bytes[offset + 2]) << 8
            let start = offset + 3
            guard start + length <= bytes.count else { break }
            let data = bytes[start..<start + length]
            switch tag {
            case 0x82:
                productName = Self.text(data)
            case 0x90:
                var k = data.startIndex
                while k + 3 <= data.endIndex {
                    let keyword = String(decoding: data[k..<k + 2], as: UTF8.self)
                    let size = Int(data[k + 2])
                    guard k + 3 + size <= data.endIndex else { break }
                    if keyword != "RV", let value = Self.text(data[k + 3..<k + 3 + size]) {
                        readOnly.append((keyword, value))
                    }
                    k += 3 + size
                }
            default:
                break
            }
            offset = start + length
        }
        if productName == nil && readOnly.isEmpty { return nil }
    }

    /// ASCII without NULs and padding blanks; nil when nothing is left.
    private static func text(_ bytes: ArraySlice<UInt8>) -> String? {
        let printable = bytes.filter { $0 >= 0x20 && $0 < 0x7F }
        let value = String(decoding: printable, as: UTF8.self).trimmed()
        return value.isEmpty ? nil : value
    }
}
