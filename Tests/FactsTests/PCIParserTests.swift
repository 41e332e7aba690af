import Testing
@testable import Facts

/// Pure parsers for PCI sysfs attributes, configuration space and VPD.
@Suite struct PCIParserTests {
    @Test func addresses_parseAndSort() throws {
        let a = try #require(PCIAddress("0000:3d:00.1"))
        #expect(a.bus == 0x3d && a.device == 0 && a.function == 1)
        #expect(a.description == "0000:3d:00.1")
        #expect(PCIAddress("00:1f.2")?.description == "0000:00:1f.2")
        #expect(PCIAddress("0:0:0:0") == nil)
        #expect(PCIAddress("0000:00:20.0") == nil, "device numbers end at 0x1f")
        #expect(try #require(PCIAddress("10000:00:00.0")) > a)
    }

    @Test func modalias_givesIdsAndClass() throws {
        let m = try #require(PCIModalias("pci:v00001B36d0000000Csv00001B36sd00000000bc06sc04i00\n"))
        #expect(m.vendor == 0x1b36 && m.device == 0x000c && m.subsystemVendor == 0x1b36 && m.subsystemDevice == 0)
        #expect(m.baseClass == 6 && m.subclass == 4 && m.interface == 0)
        #expect(PCIModalias("usb:v1D6Bp0002d0601dc09dsc00dp01ic09isc00ip00in00") == nil)
    }

    @Test func attributes() {
        #expect(PCISysfsValue.classCode("0x010802").map { [$0.base, $0.sub, $0.interface] } == [1, 8, 2])
        #expect(PCISysfsValue.linkSpeedMTs("8.0 GT/s PCIe") == 8000)
        #expect(PCISysfsValue.linkSpeedMTs("2.5 GT/s") == 2500)
        #expect(PCISysfsValue.linkSpeedMTs("Unknown") == nil)
        #expect(PCISysfsValue.linkWidth("16") == 16)
        #expect(PCISysfsValue.linkWidth("255") == nil)
        #expect(PCISysfsValue.lastComponent("../../../bus/pci/drivers/virtio-pci") == "virtio-pci")
        #expect(PCISysfsValue.parentAddress(devicePath: "devices/pci0000:00/0000:00:02.3/0000:04:00.0")?.description == "0000:00:02.3")
        #expect(PCISysfsValue.parentAddress(devicePath: "devices/pci0000:00/0000:00:02.0") == nil)
    }

    /// A type 0 header with status bit 4 set and a capability list PM (0x40) → PCIe (0x50) → MSI-X (0x70).
    @Test func configSpace_walksTheCapabilityList() throws {
        var bytes = [UInt8](repeating: 0, count: 256)
        bytes[0] = 0x86; bytes[1] = 0x80; bytes[2] = 0x72; bytes[3] = 0x15
        bytes[4] = 0x06; bytes[6] = 0x10
        bytes[0x0B] = 0x02
        bytes[0x2C] = 0x28; bytes[0x2D] = 0x10; bytes[0x2E] = 0x01; bytes[0x2F] = 0x02
        bytes[0x34] = 0x40
        bytes[0x40] = 0x01; bytes[0x41] = 0x50
        bytes[0x50] = 0x10; bytes[0x51] = 0x70
        bytes[0x70] = 0x11; bytes[0x71] = 0x00
        let config = try #require(PCIConfigSpace(bytes))
        #expect(config.vendor == 0x8086 && config.device == 0x1572)
        #expect(config.busMaster && config.hasCapabilityList)
        #expect(config.capabilityIDs == [0x01, 0x10, 0x11])
        #expect(config.subsystem.map { [$0.vendor, $0.device] } == [0x1028, 0x0201])
        // A looping list stops after 48 entries; only the first 64 bytes (unprivileged read) gives none.
        bytes[0x71] = 0x40
        #expect(PCIConfigSpace(bytes)?.capabilityIDs.count == 48)
        #expect(PCIConfigSpace(Array(bytes.prefix(64)))?.capabilityIDs == [])
        #expect(PCIConfigSpace(Array(bytes.prefix(63))) == nil)
    }

    /// VPD laid out as PCI 3.0 appendix I shows it: Identifier String, VPD-R (PN, EC, SN, V0, RV), End.
    @Test func vitalProductData_givesProductNamePartAndSerial() throws {
        func large(_ tag: UInt8, _ body: [UInt8]) -> [UInt8] { [tag, UInt8(body.count & 0xFF), UInt8(body.count >> 8)] + body }
        func keyword(_ k: String, _ v: String) -> [UInt8] { Array(k.utf8) + [UInt8(v.utf8.count)] + Array(v.utf8) }
        let name = Array("Intel(R) Ethernet Converged Network Adapter X710-2".utf8)
        let readOnly = keyword("PN", "H58528-002") + keyword("EC", "H63621-003") + keyword("SN", "3CFDFE9F6E40")
            + keyword("V0", "FW Package Rev 7.10") + keyword("RV", "\u{5A}")
        let bytes = large(0x82, name) + large(0x90, readOnly) + [0x78]
        let vpd = try #require(PCIVitalProductData(parsing: bytes))
        #expect(vpd.productName == "Intel(R) Ethernet Converged Network Adapter X710-2")
        #expect(vpd.partNumber == "H58528-002")
        #expect(vpd.serialNumber == "3CFDFE9F6E40")
        #expect(vpd.readOnly.map(\.keyword) == ["PN", "EC", "SN", "V0"])
        // Cut inside VPD-R: the name survives, the truncated resource is dropped.
        let cut = try #require(PCIVitalProductData(parsing: Array(bytes.prefix(name.count + 3 + 10))))
        #expect(cut.productName != nil && cut.readOnly.isEmpty)
        #expect(PCIVitalProductData(parsing: [0xFF, 0xFF, 0xFF]) == nil)
        #expect(PCIVitalProductData(parsing: []) == nil)
    }

    @Test func lspciNames_followFormatName() {
        var device = PCIDevice(address: "0000:00:00.0", classId: "06", subclassId: "00", progIf: "00", vendorId: "8086", deviceId: "0d57")
        device.vendorName = "Intel Corporation"
        device.subclassName = "Host bridge"
        let text = LspciRenderer.record(device, options: .init(numeric: true))
        #expect(text == "Slot:\t00:00.0\nClass:\tHost bridge [0600]\nVendor:\tIntel Corporation [8086]\nDevice:\tDevice [0d57]\nProgIf:\t00\n")
        device.subclassName = nil
        device.className = "Bridge"
        #expect(LspciRenderer.className(device, .init(numeric: false)) == "Bridge [0600]")
        device.className = nil
        #expect(LspciRenderer.className(device, .init(numeric: false)) == "Class 0600")
    }
}
