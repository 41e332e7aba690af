/// USB root hubs and devices, as lshw's usb.cc shapes them: root hubs (`usbhost`) under their host
/// controller's PCI node, devices under the hub they are plugged into.
extension HardwareTreeBuilder {
    func addUSB(to core: TreeNode, index: Index) {
        for device in inputs.usb {
            let root = device.parent == nil
            let node = TreeNode(root ? "usbhost" : "usb", root ? "bus" : Self.usbClass(device))
            node.node.claimed = device.driver != nil
            if let bus = device.bus, let number = device.deviceNumber { node.node.handle = "USB:\(bus):\(number)" }
            if root {
                node.node.businfo = device.bus.map { "usb@\($0)" }
                node.addLogicalNames([device.name])
                node.node.physid = device.bus.map { String($0 - 1) }
            } else {
                node.node.businfo = device.bus.map { "usb@\($0):\(device.portPath ?? "")" }
                node.node.physid = device.portPath?.split(separator: ".").last.map(String.init)
            }
            node.node.description = root ? "USB hub" : Self.usbDescription(device)
            node.node.product = device.product ?? device.productName
            node.node.vendor = device.manufacturer ?? device.vendorName
            node.node.version = device.revision.flatMap(Self.bcdVersion)
            if !root { node.node.serial = device.serial }
            // lshw names the driver of the device's interfaces (`hub`, `usbhid`, `usb-storage`), not the
            // generic `usb` device driver.
            node.set("driver", device.interfaces.compactMap(\.driver).first ?? device.driver)
            if let speed = device.speedBps { node.set("speed", Self.bitRate(UInt64(speed))) }
            if let children = device.maxChildren, children > 0 { node.set("slots", String(children)) }
            if let version = device.version {
                let id = "usb-" + version
                node.capability(id, Self.usbVersionNames[version])
            }
            index.usb[device.name] = node
            let parent: TreeNode
            if let hub = device.parent, let hubNode = index.usb[hub] {
                parent = hubNode
            } else if let address = device.controllerAddress, let controller = index.pci[address] {
                parent = controller
            } else {
                parent = core
            }
            parent.add(node)
        }
    }

    /// `0404` → `4.04`, `7200` → `72.00` (bcdDevice printed `%x.%02x`, as lshw prints the version).
    static func bcdVersion(_ bcd: String) -> String? {
        guard bcd.count == 4, let major = Int(bcd.prefix(2), radix: 16) else { return nil }
        return "\(String(major, radix: 16)).\(bcd.suffix(2))"
    }

    static let usbVersionNames = ["1.00": "USB 1.0", "1.10": "USB 1.1", "2.00": "USB 2.0", "3.00": "USB 3.0", "3.10": "USB 3.1"]

    /// The class of the device, or of its first interface when the device leaves it to them (class 0).
    static func usbClassCode(_ device: USBDevice) -> UInt8? {
        let own = device.classId.flatMap { UInt8($0, radix: 16) }
        if let own, own != 0 { return own }
        return device.interfaces.first?.classId.flatMap { UInt8($0, radix: 16) }
    }

    static func usbClass(_ device: USBDevice) -> String {
        switch usbClassCode(device) {
        case 0x01, 0x0E: return "multimedia"
        case 0x02, 0xE0: return "communication"
        case 0x03: return "input"
        case 0x07: return "printer"
        case 0x08: return "storage"
        case 0x09: return "bus"
        default: return "generic"
        }
    }

    static func usbDescription(_ device: USBDevice) -> String {
        switch usbClassCode(device) {
        case 0x01: return "Audio device"
        case 0x02: return "Communication device"
        case 0x03:
            switch device.interfaces.first?.protocolId {
            case "01": return "Keyboard"
            case "02": return "Mouse"
            default: return "Human interface device"
            }
        case 0x07: return "Printer"
        case 0x08: return "Mass storage device"
        case 0x09: return "USB hub"
        case 0x0B: return "Smart card reader"
        case 0x0E: return "Video"
        case 0xE0: return "Wireless interface"
        default: return "Generic USB device"
        }
    }
}
