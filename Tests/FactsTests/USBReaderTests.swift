import Testing
@testable import Facts

/// USB devices from a made-up sysfs tree laid out as the kernel lays it out (an xHCI root hub and a mouse),
/// with values of real devices.
@Suite struct USBReaderTests {
    static let controller = "devices/pci0000:00/0000:00:14.0"

    static func tree() throws -> TemporaryTree {
        let tree = try TemporaryTree()
        try StorageFixture.addPCIFunction(tree, controller, vendor: "0x8086", device: "0x51ed", classCode: "0x0c0330", driver: "xhci_hcd")
        let hub = "sys/\(controller)/usb1"
        let attributes: [(String, String)] = [
            ("busnum", "1"), ("devnum", "1"), ("devpath", "0"), ("idVendor", "1d6b"), ("idProduct", "0002"),
            ("bcdDevice", "0601"), ("bDeviceClass", "09"), ("bDeviceSubClass", "00"), ("bDeviceProtocol", "01"),
            ("manufacturer", "Linux 6.1.0-13-amd64 xhci-hcd"), ("product", "xHCI Host Controller"),
            ("serial", "0000:00:14.0"), ("speed", "480"), ("version", " 2.00"), ("maxchild", "12"),
        ]
        for (name, value) in attributes { try tree.write("\(hub)/\(name)", value) }
        try tree.link("\(hub)/driver", to: "../../../../bus/usb/drivers/usb")
        try tree.write("\(hub)/1-0:1.0/bInterfaceNumber", "00")
        try tree.write("\(hub)/1-0:1.0/bInterfaceClass", "09")
        try tree.link("\(hub)/1-0:1.0/driver", to: "../../../../../bus/usb/drivers/hub")
        let mouse = "\(hub)/1-1"
        let mouseAttributes: [(String, String)] = [
            ("busnum", "1"), ("devnum", "2"), ("devpath", "1"), ("idVendor", "046d"), ("idProduct", "c077"),
            ("bcdDevice", "7200"), ("bDeviceClass", "00"), ("bDeviceSubClass", "00"), ("bDeviceProtocol", "00"),
            ("manufacturer", "Logitech"), ("product", "USB Optical Mouse"), ("speed", "1.5"), ("version", " 2.00"),
        ]
        for (name, value) in mouseAttributes { try tree.write("\(mouse)/\(name)", value) }
        try tree.link("\(mouse)/driver", to: "../../../../../bus/usb/drivers/usb")
        try tree.write("\(mouse)/1-1:1.0/bInterfaceNumber", "00")
        try tree.write("\(mouse)/1-1:1.0/bInterfaceClass", "03")
        try tree.write("\(mouse)/1-1:1.0/bInterfaceSubClass", "01")
        try tree.write("\(mouse)/1-1:1.0/bInterfaceProtocol", "02")
        try tree.link("\(mouse)/1-1:1.0/driver", to: "../../../../../../bus/usb/drivers/usbhid")
        for (name, path) in [("usb1", "usb1"), ("1-0:1.0", "usb1/1-0:1.0"), ("1-1", "usb1/1-1"), ("1-1:1.0", "usb1/1-1/1-1:1.0")] {
            try tree.link("sys/bus/usb/devices/\(name)", to: "../../../\(controller)/\(path)")
        }
        return tree
    }

    static let names = IDsFileNames(path: "usb.ids", database: IDsDatabase(parsing: Array(DeviceNameTests.usbIDs.utf8)))

    @Test func devicesAndInterfaces_withIdsNamesAndDrivers() throws {
        let tree = try Self.tree()
        let result = USBReader(files: HostFiles(root: HostRoot(under: tree.path)), names: Self.names).read()
        #expect(result.devices.map(\.name) == ["usb1", "1-1"])
        let hub = try #require(result.devices.first)
        #expect(hub.parent == nil && hub.controllerAddress == "0000:00:14.0")
        #expect(hub.vendorName == "Linux Foundation" && hub.productName == "2.0 root hub")
        #expect(hub.className == "Hub" && hub.protocolName == "Single TT")
        #expect(hub.speedBps == 480_000_000 && hub.maxChildren == 12 && hub.version == "2.00")
        #expect(hub.interfaces.map(\.driver) == ["hub"])
        let mouse = try #require(result.devices.last)
        #expect(mouse.parent == "usb1" && mouse.portPath == "1" && mouse.bus == 1 && mouse.deviceNumber == 2)
        #expect(mouse.productName == "M105 Optical Mouse" && mouse.product == "USB Optical Mouse")
        #expect(mouse.speedBps == 1_500_000)
        #expect(mouse.interfaces.first?.className == "Human Interface Device")
        #expect(mouse.interfaces.first?.driver == "usbhid")
    }

    @Test func parentsOfKernelNames() {
        #expect(USBReader.parent(of: "1-1.4.2") == "1-1.4")
        #expect(USBReader.parent(of: "3-2") == "usb3")
        #expect(USBReader.parent(of: "usb3") == nil)
        #expect(USBReader.isInterface("1-0:1.0", of: "usb1"))
        #expect(!USBReader.isInterface("1-1:1.0", of: "1-1.2"))
    }

    /// In the tree the root hub hangs under its xHCI function and the mouse under the hub, as lshw has them.
    @Test func treeNodes() throws {
        let tree = try Self.tree()
        var inputs = HardwareInputs()
        let files = HostFiles(root: HostRoot(under: tree.path))
        inputs.pci = PCIReader(files: files, names: BareIDs()).read().functions
        inputs.usb = USBReader(files: files, names: Self.names).read().devices
        let root = HardwareTreeBuilder(inputs).build()
        let all = LshwShapeTests.flatten(root)
        let controller = try #require(all.first { $0.businfo == "pci@0000:00:14.0" })
        #expect(controller.id == "usb" && controller.class == "bus")
        let host = try #require(controller.children?.first)
        #expect(host.id == "usbhost" && host.businfo == "usb@1" && host.logicalname?.all == ["usb1"])
        #expect(host.configuration?["slots"] == "12" && host.configuration?["speed"] == "480Mbit/s")
        let mouse = try #require(host.children?.first)
        #expect(mouse.class == "input" && mouse.description == "Mouse" && mouse.businfo == "usb@1:1")
        #expect(mouse.vendor == "Logitech" && mouse.version == "72.00")
        #expect(mouse.configuration?["driver"] == "usbhid")
        #expect(LshwShape.violations(root) == [])
    }
}
