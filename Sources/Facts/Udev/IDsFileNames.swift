/// Names from a parsed `pci.ids` or `usb.ids` file, looked up the way pciutils does: a subsystem without an
/// entry of its own that repeats the device ids is the device.
public struct IDsFileNames: IDNameLookup, Sendable {
    public let path: String
    public let database: IDsDatabase

    public init(path: String, database: IDsDatabase) {
        self.path = path
        self.database = database
    }

    public var source: String { path }

    public func vendor(_ vendor: UInt16) -> String? { database.vendors[vendor] }

    public func device(vendor: UInt16, device: UInt16) -> String? {
        database.devices[UInt32(vendor) << 16 | UInt32(device)]
    }

    public func subsystem(vendor: UInt16, device: UInt16, subvendor: UInt16, subdevice: UInt16) -> String? {
        let key = UInt64(vendor) << 48 | UInt64(device) << 32 | UInt64(subvendor) << 16 | UInt64(subdevice)
        if let name = database.subsystems[key] { return name }
        return vendor == subvendor && device == subdevice ? self.device(vendor: vendor, device: device) : nil
    }

    public func className(_ base: UInt8) -> String? { database.classes[base] }

    public func subclassName(_ base: UInt8, _ sub: UInt8) -> String? {
        database.subclasses[UInt16(base) << 8 | UInt16(sub)]
    }

    public func interfaceName(_ base: UInt8, _ sub: UInt8, _ interface: UInt8) -> String? {
        database.interfaces[UInt32(base) << 16 | UInt32(sub) << 8 | UInt32(interface)]
    }
}
