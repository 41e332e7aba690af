/// A PCI function's address, `DDDD:BB:DD.F` (domain, bus, device, function), as sysfs names it.
public struct PCIAddress: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var domain: UInt32
    public var bus: UInt8
    public var device: UInt8
    public var function: UInt8

    public init(domain: UInt32, bus: UInt8, device: UInt8, function: UInt8) {
        self.domain = domain
        self.bus = bus
        self.device = device
        self.function = function
    }

    /// `0000:00:1f.2`; also accepts the short `00:1f.2` (domain 0). Nil for anything else.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        let domainText = parts.count == 3 ? parts[0] : "0"
        let deviceFunction = parts[parts.count - 1].split(separator: ".", omittingEmptySubsequences: false)
        guard deviceFunction.count == 2,
              let domain = UInt32(domainText, radix: 16),
              let bus = UInt8(parts[parts.count - 2], radix: 16),
              let device = UInt8(deviceFunction[0], radix: 16), device < 32,
              let function = UInt8(deviceFunction[1], radix: 16), function < 8
        else { return nil }
        self.init(domain: domain, bus: bus, device: device, function: function)
    }

    /// `0000:00:1f.2`
    public var description: String {
        "\(HexText.lower(UInt64(domain), digits: 4)):\(busDeviceFunction)"
    }

    /// `00:1f.2`
    public var busDeviceFunction: String {
        "\(HexText.lower(UInt64(bus), digits: 2)):\(HexText.lower(UInt64(device), digits: 2)).\(function)"
    }

    public static func < (a: PCIAddress, b: PCIAddress) -> Bool {
        (a.domain, a.bus, a.device, a.function) < (b.domain, b.bus, b.device, b.function)
    }
}
