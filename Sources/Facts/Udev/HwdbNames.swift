/// Names from udev's hwdb, asked the way pciutils' names-hwdb.c asks: the modalias carries a literal `*`
/// where an id does not matter, which hwdb's `*` patterns match while vendor patterns do not.
///
/// Every PCI query costs about the same whatever it asks: libudev matches it against all of hwdb's class
/// patterns (`pci:v*…`, 210 of them) with fnmatch(3). So a device's names come from one query (`names`).
public struct HwdbNames: IDNameLookup {
    public let bus: IDBus
    let hwdb: Hwdb

    public init(bus: IDBus, hwdb: Hwdb) {
        self.bus = bus
        self.hwdb = hwdb
    }

    public var source: String { "hwdb" }

    public func vendor(_ vendor: UInt16) -> String? {
        switch bus {
        case .pci: return hwdb.property("ID_VENDOR_FROM_DATABASE", for: "pci:v\(hex8(vendor))*")
        case .usb: return hwdb.property("ID_VENDOR_FROM_DATABASE", for: "usb:v\(hex4(vendor))*")
        }
    }

    public func device(vendor: UInt16, device: UInt16) -> String? {
        switch bus {
        case .pci: return hwdb.property("ID_MODEL_FROM_DATABASE", for: "pci:v\(hex8(vendor))d\(hex8(device))*")
        case .usb: return hwdb.property("ID_MODEL_FROM_DATABASE", for: "usb:v\(hex4(vendor))p\(hex4(device))*")
        }
    }

    /// hwdb gives a subsystem's own name under the same key as the device's, and the device's pattern
    /// matches every subsystem too (pciutils gives up here for that reason). systemd writes a subsystem
    /// entry as `DEVICE (SUBSYSTEM)`, so a name that differs from the device's is the subsystem's own, with
    /// the device's part taken off to give pci.ids' name; a subsystem that repeats the device ids is the
    /// device.
    public func subsystem(vendor: UInt16, device: UInt16, subvendor: UInt16, subdevice: UInt16) -> String? {
        guard bus == .pci else { return nil }
        let deviceName = self.device(vendor: vendor, device: device)
        let name = hwdb.property(
            "ID_MODEL_FROM_DATABASE",
            for: "pci:v\(hex8(vendor))d\(hex8(device))sv\(hex8(subvendor))sd\(hex8(subdevice))")
        guard let name, name != deviceName else {
            return vendor == subvendor && device == subdevice ? deviceName : nil
        }
        if let deviceName, name.hasPrefix(deviceName + " ("), name.hasSuffix(")") {
            return String(name.dropFirst(deviceName.count + 2).dropLast())
        }
        return name
    }

    public func className(_ base: UInt8) -> String? {
        switch bus {
        case .pci: return hwdb.property("ID_PCI_CLASS_FROM_DATABASE", for: "pci:v*d*sv*sd*bc\(hex2(base))*")
        case .usb: return hwdb.property("ID_USB_CLASS_FROM_DATABASE", for: "usb:v*p*d*dc\(hex2(base))*")
        }
    }

    public func subclassName(_ base: UInt8, _ sub: UInt8) -> String? {
        switch bus {
        case .pci:
            return hwdb.property("ID_PCI_SUBCLASS_FROM_DATABASE", for: "pci:v*d*sv*sd*bc\(hex2(base))sc\(hex2(sub))*")
        case .usb:
            return hwdb.property("ID_USB_SUBCLASS_FROM_DATABASE", for: "usb:v*p*d*dc\(hex2(base))dsc\(hex2(sub))*")
        }
    }

    public func interfaceName(_ base: UInt8, _ sub: UInt8, _ interface: UInt8) -> String? {
        switch bus {
        case .pci:
            return hwdb.property(
                "ID_PCI_INTERFACE_FROM_DATABASE", for: "pci:v*d*sv*sd*bc\(hex2(base))sc\(hex2(sub))i\(hex2(interface))*")
        case .usb:
            return hwdb.property(
                "ID_USB_PROTOCOL_FROM_DATABASE", for: "usb:v*p*d*dc\(hex2(base))dsc\(hex2(sub))dp\(hex2(interface))*")
        }
    }

    /// One query for a PCI function: its ids with a literal `*` for the subsystem, then its class down to
    /// the interface. The vendor's (`pci:vV*`), the device's (`pci:vVdD*`) and the class patterns
    /// (`pci:v*d*sv*sd*bcB*`, ...) match it; the subsystem patterns (`pci:vVdDsvSVsdSD*`) do not, so the
    /// device's name is its own, not a subsystem's. USB devices are named a name at a time.
    public func names(
        vendor: UInt16, device: UInt16, class base: UInt8, _ sub: UInt8, _ interface: UInt8
    ) -> DeviceNames {
        guard bus == .pci else { return separateNames(vendor: vendor, device: device, class: base, sub, interface) }
        let answer = hwdb.answer(
            for: "pci:v\(hex8(vendor))d\(hex8(device))sv*sd*bc\(hex2(base))sc\(hex2(sub))i\(hex2(interface))")
        return DeviceNames(
            vendor: answer["ID_VENDOR_FROM_DATABASE"], device: answer["ID_MODEL_FROM_DATABASE"],
            className: answer["ID_PCI_CLASS_FROM_DATABASE"], subclassName: answer["ID_PCI_SUBCLASS_FROM_DATABASE"],
            interfaceName: answer["ID_PCI_INTERFACE_FROM_DATABASE"])
    }

    private func hex2(_ value: UInt8) -> String { HexText.upper(UInt64(value), digits: 2) }
    private func hex4(_ value: UInt16) -> String { HexText.upper(UInt64(value), digits: 4) }
    private func hex8(_ value: UInt16) -> String { HexText.upper(UInt64(value), digits: 8) }
}
