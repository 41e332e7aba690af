/// The names in a `pci.ids` or `usb.ids` file (the PCI ID Repository and linux-usb.org formats, which share
/// their layout): vendors with their devices and subsystems, and `C` class blocks with subclasses and
/// programming interfaces (USB: protocols).
///
///     1af4  Red Hat, Inc.
///     \t1041  Virtio 1.0 network device
///     \t\t1af4 1100  QEMU Virtual Machine
///     C 02  Network controller
///     \t00  Ethernet controller
///
/// usb.ids' other top-level blocks (`AT`, `HID`, `R`, `BIAS`, `PHY`, `HUT`, `L`, `HCC`, `VT`) are skipped with
/// their indented lines.
public struct IDsDatabase: Sendable, Equatable {
    public var vendors: [UInt16: String] = [:]
    /// Keyed by vendor << 16 | device.
    public var devices: [UInt32: String] = [:]
    /// Keyed by vendor << 48 | device << 32 | subvendor << 16 | subdevice.
    public var subsystems: [UInt64: String] = [:]
    public var classes: [UInt8: String] = [:]
    /// Keyed by class << 8 | subclass.
    public var subclasses: [UInt16: String] = [:]
    /// Keyed by class << 16 | subclass << 8 | interface.
    public var interfaces: [UInt32: String] = [:]

    public init() {}

    public init(parsing bytes: [UInt8]) {
        enum Block { case vendor(UInt16), vendorDevice(UInt16, UInt16), classBlock(UInt8), subclass(UInt8, UInt8), other }
        var block = Block.other
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            var line = bytes[start..<end]
            start = end + 1
            if line.last == 0x0D { line = line.dropLast() }
            guard let first = line.first, first != UInt8(ascii: "#") else { continue }
            var depth = 0
            while depth < line.count && line[line.startIndex + depth] == 0x09 { depth += 1 }
            let body = line.dropFirst(depth)
            if body.isEmpty { continue }
            switch depth {
            case 0:
                if body.starts(with: [UInt8(ascii: "C"), 0x20]), let (code, name) = Self.idAndName(body.dropFirst(2), digits: 2) {
                    classes[UInt8(code)] = name
                    block = .classBlock(UInt8(code))
                } else if let (vendor, name) = Self.idAndName(body, digits: 4) {
                    vendors[UInt16(vendor)] = name
                    block = .vendor(UInt16(vendor))
                } else {
                    block = .other
                }
            case 1:
                switch block {
                case .vendor(let v), .vendorDevice(let v, _):
                    if let (device, name) = Self.idAndName(body, digits: 4) {
                        devices[UInt32(v) << 16 | UInt32(device)] = name
                        block = .vendorDevice(v, UInt16(device))
                    }
                case .classBlock(let c), .subclass(let c, _):
                    if let (sub, name) = Self.idAndName(body, digits: 2) {
                        subclasses[UInt16(c) << 8 | UInt16(sub)] = name
                        block = .subclass(c, UInt8(sub))
                    }
                case .other:
                    break
                }
            case 2:
                switch block {
                case .vendorDevice(let v, let d):
                    // "subvendor subdevice  name" (usb.ids puts interface lines here; they are not kept).
                    if let (subvendor, rest) = Self.hexField(body, digits: 4), rest.first == 0x20,
                       let (subdevice, name) = Self.idAndName(rest.dropFirst(), digits: 4) {
                        subsystems[UInt64(v) << 48 | UInt64(d) << 32 | subvendor << 16 | subdevice] = name
                    }
                case .subclass(let c, let s):
                    if let (interface, name) = Self.idAndName(body, digits: 2) {
                        interfaces[UInt32(c) << 16 | UInt32(s) << 8 | UInt32(interface)] = name
                    }
                default:
                    break
                }
            default:
                break
            }
        }
    }

    /// `digits` hex digits, blanks, then the name.
    private static func idAndName(_ text: ArraySlice<UInt8>, digits: Int) -> (UInt64, String)? {
        guard let (id, rest) = hexField(text, digits: digits), let blank = rest.first, blank == 0x20 || blank == 0x09 else {
            return nil
        }
        let name = rest.drop { $0 == 0x20 || $0 == 0x09 }
        guard !name.isEmpty else { return nil }
        return (id, String(decoding: name, as: UTF8.self))
    }

    private static func hexField(_ text: ArraySlice<UInt8>, digits: Int) -> (UInt64, ArraySlice<UInt8>)? {
        guard text.count > digits else { return nil }
        var value: UInt64 = 0
        for byte in text.prefix(digits) {
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x61...0x66: digit = byte - 0x61 + 10
            case 0x41...0x46: digit = byte - 0x41 + 10
            default: return nil
            }
            value = value << 4 | UInt64(digit)
        }
        return (value, text.dropFirst(digits))
    }
}
