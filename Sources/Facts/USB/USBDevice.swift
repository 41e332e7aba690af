/// One USB device (`SYS/bus/usb/devices/1-1.2`; root hubs are `usb1`) with its interfaces.
public struct USBDevice: Sendable, Equatable, Codable {
    /// The kernel's name: `usb1` for a root hub, `BUS-PORT.PORT...` below it.
    public var name: String
    public var bus: Int?
    public var deviceNumber: Int?
    /// Ports from the root hub (`1.2`); `0` for a root hub.
    public var portPath: String?
    /// The hub it is plugged into (kernel name); absent for root hubs.
    public var parent: String?
    public var vendorId: String?
    public var vendorName: String?
    public var productId: String?
    public var productName: String?
    /// The device's own strings (descriptors), which often differ from the database names.
    public var manufacturer: String?
    public var product: String?
    public var serial: String?
    /// `bcdDevice` as four hex digits (`0404`).
    public var revision: String?
    /// USB version (`2.00`).
    public var version: String?
    public var classId: String?
    public var className: String?
    public var subclassId: String?
    public var subclassName: String?
    public var protocolId: String?
    public var protocolName: String?
    public var speedBps: Int?
    public var maxChildren: Int?
    public var driver: String?
    /// The PCI function of the host controller (root hubs).
    public var controllerAddress: String?
    public var interfaces: [USBInterface]

    public init(name: String) {
        self.name = name
        self.interfaces = []
    }
}
