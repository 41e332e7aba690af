/// Names for the numeric ids of one bus: vendors, devices, subsystems (PCI) and classes.
///
/// For USB, "class" is the device or interface class, "subclass" its subclass and "interface" its protocol.
public protocol IDNameLookup {
    /// Where the names come from: `hwdb`, the ids file's path, or `none` (ids only).
    var source: String { get }
    func vendor(_ vendor: UInt16) -> String?
    func device(vendor: UInt16, device: UInt16) -> String?
    func subsystem(vendor: UInt16, device: UInt16, subvendor: UInt16, subdevice: UInt16) -> String?
    func className(_ base: UInt8) -> String?
    func subclassName(_ base: UInt8, _ sub: UInt8) -> String?
    func interfaceName(_ base: UInt8, _ sub: UInt8, _ interface: UInt8) -> String?
}

/// The names of one device's ids: its vendor, itself, and its class, subclass and interface (USB:
/// protocol).
public struct DeviceNames: Sendable, Equatable {
    public var vendor: String?
    public var device: String?
    public var className: String?
    public var subclassName: String?
    public var interfaceName: String?
}

extension IDNameLookup {
    /// All the names of a device's ids; a database that answers them with one query overrides this.
    public func names(
        vendor: UInt16, device: UInt16, class base: UInt8, _ sub: UInt8, _ interface: UInt8
    ) -> DeviceNames {
        separateNames(vendor: vendor, device: device, class: base, sub, interface)
    }

    /// All the names of a device's ids, asked one at a time.
    public func separateNames(
        vendor: UInt16, device: UInt16, class base: UInt8, _ sub: UInt8, _ interface: UInt8
    ) -> DeviceNames {
        DeviceNames(
            vendor: self.vendor(vendor), device: self.device(vendor: vendor, device: device),
            className: className(base), subclassName: subclassName(base, sub),
            interfaceName: interfaceName(base, sub, interface))
    }
}

/// No database: every device is named by its ids.
public struct BareIDs: IDNameLookup, Sendable {
    public init() {}
    public var source: String { "none" }
    public func vendor(_ vendor: UInt16) -> String? { nil }
    public func device(vendor: UInt16, device: UInt16) -> String? { nil }
    public func subsystem(vendor: UInt16, device: UInt16, subvendor: UInt16, subdevice: UInt16) -> String? { nil }
    public func className(_ base: UInt8) -> String? { nil }
    public func subclassName(_ base: UInt8, _ sub: UInt8) -> String? { nil }
    public func interfaceName(_ base: UInt8, _ sub: UInt8, _ interface: UInt8) -> String? { nil }
}
