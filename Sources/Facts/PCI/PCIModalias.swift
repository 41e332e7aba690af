/// The ids in a PCI `modalias` (`pci:v00001AF4d00001041sv00001AF4sd00001100bc02sc00i00`): what the kernel
/// reports when the separate sysfs attributes are missing (snapshots, old kernels).
public struct PCIModalias: Sendable, Equatable {
    public var vendor: UInt16
    public var device: UInt16
    public var subsystemVendor: UInt16
    public var subsystemDevice: UInt16
    public var baseClass: UInt8
    public var subclass: UInt8
    public var interface: UInt8

    public init?(_ text: some StringProtocol) {
        var rest = Substring(text.trimmed())
        guard rest.hasPrefix("pci:") else { return nil }
        rest = rest.dropFirst(4)
        func field(_ tag: String, _ digits: Int) -> UInt64? {
            guard rest.hasPrefix(tag) else { return nil }
            let value = rest.dropFirst(tag.count).prefix(digits)
            guard value.count == digits, let number = UInt64(value, radix: 16) else { return nil }
            rest = rest.dropFirst(tag.count + digits)
            return number
        }
        guard let v = field("v", 8), let d = field("d", 8), let sv = field("sv", 8), let sd = field("sd", 8),
              let bc = field("bc", 2), let sc = field("sc", 2), let i = field("i", 2),
              v <= 0xFFFF, d <= 0xFFFF, sv <= 0xFFFF, sd <= 0xFFFF
        else { return nil }
        vendor = UInt16(v)
        device = UInt16(d)
        subsystemVendor = UInt16(sv)
        subsystemDevice = UInt16(sd)
        baseClass = UInt8(bc)
        subclass = UInt8(sc)
        interface = UInt8(i)
    }
}
