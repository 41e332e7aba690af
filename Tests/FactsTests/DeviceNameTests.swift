import Testing
@testable import Facts

/// pci.ids/usb.ids parsing, hwdb lookups through libudev, and the fallbacks between them.
@Suite struct DeviceNameTests {
    /// Lines as they stand in pci.ids 2023.04.11 (Debian's pci.ids package), trimmed to a few entries.
    static let pciIDs = """
        # List of PCI ID's
        #\tvendor  vendor_name
        #\t\tdevice  device_name\t\t\t\t<-- single tab
        1af4  Red Hat, Inc.
        \t1000  Virtio network device
        \t\t01de 1000  Virtio network device
        \t1041  Virtio 1.0 network device
        8086  Intel Corporation
        \t29c0  82G33/G31/P35/P31 Express DRAM Controller
        \t\t1af4 1100  QEMU Virtual Machine
        \t\t8086 5044  Desktop Board DP35DP
        C 01  Mass storage controller
        \t06  SATA controller
        \t\t01  AHCI 1.0
        \t80  Mass storage controller
        C ff  Unassigned class

        """

    static let usbIDs = """
        1d6b  Linux Foundation
        \t0002  2.0 root hub
        \t0003  3.0 root hub
        046d  Logitech, Inc.
        \tc077  M105 Optical Mouse
        C 09  Hub
        \t00  Unused
        \t\t01  Single TT
        C 03  Human Interface Device
        \t01  Boot Interface Subclass
        \t\t02  Mouse
        AT 0101  USB Streaming
        HID 00  Undefined
        \t01  not a device

        """

    @Test func pciIDs_vendorsDevicesSubsystemsAndClasses() {
        let database = IDsDatabase(parsing: Array(Self.pciIDs.utf8))
        let names = IDsFileNames(path: "pci.ids", database: database)
        #expect(names.vendor(0x1af4) == "Red Hat, Inc.")
        #expect(names.device(vendor: 0x1af4, device: 0x1041) == "Virtio 1.0 network device")
        #expect(names.subsystem(vendor: 0x8086, device: 0x29c0, subvendor: 0x1af4, subdevice: 0x1100) == "QEMU Virtual Machine")
        // No entry, but the subsystem repeats the device: pciutils names it after the device.
        #expect(names.subsystem(vendor: 0x1af4, device: 0x1041, subvendor: 0x1af4, subdevice: 0x1041) == "Virtio 1.0 network device")
        #expect(names.subsystem(vendor: 0x1af4, device: 0x1041, subvendor: 0x1af4, subdevice: 0x1100) == nil)
        #expect(names.className(0x01) == "Mass storage controller")
        #expect(names.subclassName(0x01, 0x06) == "SATA controller")
        #expect(names.interfaceName(0x01, 0x06, 0x01) == "AHCI 1.0")
        #expect(names.className(0xff) == "Unassigned class")
        #expect(database.vendors.count == 2 && database.devices.count == 3 && database.subsystems.count == 3)
    }

    @Test func usbIDs_skipTheOtherTopLevelBlocks() {
        let database = IDsDatabase(parsing: Array(Self.usbIDs.utf8))
        let names = IDsFileNames(path: "usb.ids", database: database)
        #expect(names.vendor(0x046d) == "Logitech, Inc.")
        #expect(names.device(vendor: 0x1d6b, device: 0x0003) == "3.0 root hub")
        #expect(names.className(0x09) == "Hub")
        #expect(names.interfaceName(0x09, 0x00, 0x01) == "Single TT")
        #expect(names.interfaceName(0x03, 0x01, 0x02) == "Mouse")
        // "HID 00 / 01 not a device" must not become class or vendor entries.
        #expect(database.vendors.count == 2)
        #expect(database.classes.count == 2)
    }

    @Test func theInstalledPciIDs_parses_andNamesVirtio() throws {
        let path = try #require(NameDatabaseOptions().pciIDsPaths.first { (try? HostFiles.readFile($0)) != nil },
                                "pci.ids is not installed (see .ci/run)")
        let database = IDsDatabase(parsing: try HostFiles.readFile(path))
        #expect(database.vendors.count > 2000)
        #expect(database.vendors[0x8086] == "Intel Corporation")
        #expect(database.devices[0x1af4_1041] == "Virtio 1.0 network device")
        #expect(database.subclasses[0x0106] == "SATA controller")
    }

    @Test func hwdb_namesLikePciIDs_whenLibudevAndHwdbBinAreThere() throws {
        let hwdb = try Hwdb.open().get()
        let pci = HwdbNames(bus: .pci, hwdb: hwdb)
        #expect(pci.vendor(0x1af4) == "Red Hat, Inc.")
        #expect(pci.device(vendor: 0x1af4, device: 0x1041) == "Virtio 1.0 network device")
        #expect(pci.subsystem(vendor: 0x8086, device: 0x29c0, subvendor: 0x1af4, subdevice: 0x1100) == "QEMU Virtual Machine")
        #expect(pci.subsystem(vendor: 0x1af4, device: 0x1041, subvendor: 0x1af4, subdevice: 0x1041) == "Virtio 1.0 network device")
        #expect(pci.subclassName(0x01, 0x06) == "SATA controller")
        #expect(pci.interfaceName(0x01, 0x06, 0x01) == "AHCI 1.0")
        #expect(pci.className(0x02) == "Network controller")
        let usb = HwdbNames(bus: .usb, hwdb: hwdb)
        #expect(usb.vendor(0x1d6b) == "Linux Foundation")
        #expect(usb.device(vendor: 0x1d6b, device: 0x0002) == "2.0 root hub")
        #expect(usb.className(0x09) == "Hub")
    }

    /// The one query a PCI function's names come from answers what the five separate queries answer,
    /// including for devices whose subsystems have hwdb entries of their own (which must not rename them).
    @Test func hwdb_oneQueryPerPCIFunction_givesTheNamesOfFiveQueries() throws {
        let hwdb = try Hwdb.open().get()
        let pci = HwdbNames(bus: .pci, hwdb: hwdb)
        let path = try #require(NameDatabaseOptions().pciIDsPaths.first { (try? HostFiles.readFile($0)) != nil },
                                "pci.ids is not installed (see .ci/run)")
        let database = IDsDatabase(parsing: try HostFiles.readFile(path))
        // Every 50th device of pci.ids, and 8086:29c0, whose subsystem 1af4:1100 is named in hwdb.
        let ids = [0x8086_29c0] + database.devices.keys.sorted().enumerated().filter { $0.offset % 50 == 0 }.map(\.element)
        let classes: [(UInt8, UInt8, UInt8)] = [(0x01, 0x06, 0x01), (0x02, 0x00, 0x00), (0x06, 0x04, 0x00), (0x0c, 0x03, 0x30), (0xff, 0x00, 0x00)]
        var compared = 0
        for (index, id) in ids.enumerated() {
            let vendor = UInt16(id >> 16), device = UInt16(id & 0xffff)
            let (base, sub, interface) = classes[index % classes.count]
            let one = pci.names(vendor: vendor, device: device, class: base, sub, interface)
            let five = DeviceNames(
                vendor: pci.vendor(vendor), device: pci.device(vendor: vendor, device: device),
                className: pci.className(base), subclassName: pci.subclassName(base, sub),
                interfaceName: pci.interfaceName(base, sub, interface))
            #expect(one == five, "\(HexText.lower(UInt64(id), digits: 8)) class \(base) \(sub) \(interface)")
            if one.device != nil { compared += 1 }
        }
        #expect(compared > 100)
        #expect(pci.names(vendor: 0x8086, device: 0x29c0, class: 0x06, 0x00, 0x00).device
                == "82G33/G31/P35/P31 Express DRAM Controller")
    }

    @Test func noLibudev_fallsBackToPciIDs_withADiagnostic() {
        var options = NameDatabaseOptions()
        options.libudev = "libudev-that-does-not-exist.so.1"
        let resolver = DeviceNameResolver(options: options, collector: "pci")
        let names = resolver.lookup(.pci)
        #expect(names.source == "/usr/share/misc/pci.ids" || names.source == "/usr/share/hwdata/pci.ids")
        #expect(names.vendor(0x8086) == "Intel Corporation")
        #expect(resolver.diagnostics.count == 1)
        #expect(resolver.diagnostics[0].error.hasPrefix("libudev not available (libudev-that-does-not-exist.so.1"))
        #expect(resolver.diagnostics[0].error.hasSuffix("pci names are read from this file"))
    }

    @Test func noHwdbAndNoIdsFile_leavesBareIDs_withADiagnostic() {
        let options = NameDatabaseOptions(useHwdb: false, pciIDsPaths: ["/nonexistent/pci.ids"], usbIDsPaths: [])
        let resolver = DeviceNameResolver(options: options, collector: "pci")
        let names = resolver.lookup(.pci)
        #expect(names.source == "none")
        #expect(names.vendor(0x8086) == nil)
        #expect(resolver.diagnostics.map(\.error) == [
            "hwdb not used and no pci.ids (looked in /nonexistent/pci.ids); pci devices are named by their ids only",
        ])
        // The second lookup of the same bus is cached: no second diagnostic.
        _ = resolver.lookup(.pci)
        #expect(resolver.diagnostics.count == 1)
    }
}
