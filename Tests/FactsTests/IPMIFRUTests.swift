import Foundation
import Testing
@testable import Facts

@Suite struct IPMIFRUTests {
    /// An area: version 1, length, `fixed`, the fields, end marker, padding, checksum.
    static func area(_ fixed: [UInt8], _ fields: [[UInt8]]) -> [UInt8] {
        var bytes: [UInt8] = [1, 0] + fixed + fields.flatMap { $0 } + [0xC1]
        while (bytes.count + 1) % 8 != 0 { bytes.append(0) }
        bytes[1] = UInt8((bytes.count + 1) / 8)
        return bytes + [checksum(bytes)]
    }

    static func checksum(_ bytes: [UInt8]) -> UInt8 { 0 &- bytes.reduce(0, &+) }
    static func text(_ string: String) -> [UInt8] { [0xC0 | UInt8(string.utf8.count)] + Array(string.utf8) }

    /// Every area type and every field encoding: internal use, chassis (6-bit ASCII part number), board
    /// (manufacturing date, BCD plus product, binary serial, an extra field), product, multi-record.
    static func everyArea() -> [UInt8] {
        let internalUse: [UInt8] = [1, 0xAA, 0xBB, 0xCC, 0, 0, 0, 0]
        let chassis = area([23], [[0x83, 0x29, 0xDC, 0xA6], text("QTFCEV4120280")])
        let board = area([0, 0x6c, 0x9a, 0x92], [text("Quanta"), [0x43, 0x12, 0xB3, 0xC4], [0x02, 0xDE, 0xAD],
                                                 text("31S2RMB00H0"), [0xC0], text("X1")])
        let product = area([0], [text("Quanta"), text("S210-X12RS V2"), [0xC0], text("V2"), text("QTFCEV4120280"),
                                 [0xC0], [0xC0]])
        let multiRecord: [UInt8] = [0x00, 0x82, 0x02, 0x00, 0x7c]
        let offsets = [8, 16, 16 + chassis.count, 16 + chassis.count + board.count,
                       16 + chassis.count + board.count + product.count]
        var header: [UInt8] = [1] + offsets.map { UInt8($0 / 8) } + [0]
        header.append(checksum(header))
        return header + internalUse + chassis + board + product + multiRecord
    }

    @Test func sixBitASCII_bcdPlus_binary_andText_decode() {
        #expect(IPMIFRU.decodeField(type: 2, bytes: [0x29, 0xDC, 0xA6]) == "IPMI")
        #expect(IPMIFRU.decodeField(type: 1, bytes: [0x12, 0xB3, 0xC4]) == "12-3.4")
        #expect(IPMIFRU.decodeField(type: 1, bytes: [0x1A, 0x2F]) == "1 2?")
        #expect(IPMIFRU.decodeField(type: 0, bytes: [0xDE, 0xAD]) == "dead")
        #expect(IPMIFRU.decodeField(type: 3, bytes: Array("Quanta".utf8)) == "Quanta")
    }

    @Test func imageWithEveryArea_decodes() throws {
        let fru = try IPMIFRU(image: Self.everyArea())
        #expect(fru.problems.isEmpty)
        #expect(fru.internalUse?.hasPrefix("01aabbcc") == true)
        #expect(fru.chassis?.typeName == "Rack Mount Chassis" && fru.chassis?.partNumber == "IPMI")
        #expect(fru.board?.manufacturingDate == "Tue Apr  8 01:48:00 2014")
        #expect(fru.board?.productName == "12-3.4" && fru.board?.serialNumber == "dead" && fru.board?.extra == ["X1"])
        #expect(fru.product?.name == "S210-X12RS V2" && fru.product?.version == "V2" && fru.product?.assetTag == "")
        #expect(fru.multiRecord == "008202007c")
        #expect(IPMIToolText.fruPrint(fru) == """
            FRU Device Description : Builtin FRU Device (ID 0)
             Chassis Type          : Rack Mount Chassis
             Chassis Part Number   : IPMI
             Chassis Serial        : QTFCEV4120280
             Board Mfg Date        : Tue Apr  8 01:48:00 2014
             Board Mfg             : Quanta
             Board Product         : 12-3.4
             Board Serial          : dead
             Board Part Number     : 31S2RMB00H0
             Board Extra           : X1
             Product Manufacturer  : Quanta
             Product Name          : S210-X12RS V2
             Product Version       : V2
             Product Serial        : QTFCEV4120280


            """)
    }

    @Test func badChecksums_andAreasPastTheEnd_areReported_andTheRestDecoded() throws {
        var image = Self.everyArea()
        image[20] ^= 0xFF // inside the chassis area
        image[5] = 0xF0 // multi-record offset past the end
        image[7] = Self.checksum(Array(image[0..<7]))
        let fru = try IPMIFRU(image: image)
        #expect(fru.problems.contains("chassis area checksum mismatch"))
        #expect(fru.problems.contains { $0.hasPrefix("multi-record area at offset 1920 is past the end") })
        #expect(fru.product?.name == "S210-X12RS V2")
        #expect(throws: IPMIError.self) { try IPMIFRU(image: [1, 0, 0]) }
        #expect(throws: IPMIError.self) { try IPMIFRU(image: [2, 0, 0, 0, 0, 0, 0, 0xFE]) }
    }

    @Test func truncatedImage_keepsTheAreasThatFit() throws {
        let image = Self.everyArea()
        let fru = try IPMIFRU(image: Array(image.prefix(40)))
        #expect(fru.board == nil && fru.product == nil)
        #expect(fru.problems.contains { $0.contains("board area") })
    }

    /// scripts/ipmi-fru with the rack-server profile's fields, and what `ipmitool fru print 0` printed for it
    /// in the rack-server harness guest.
    @Test func harnessFRUFile_printsWhatIpmitoolPrinted() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/ipmi-fru").path
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("mkagent-fru-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script, output, "chassis_type=23,chassis_part=CHS-1U-02,chassis_serial=CHS-7400012345,board_manufacturer=Contoso Systems,board_product=0MB7K2,board_serial=.7B3K2.CN1296X0A00B.,board_part=0MB7K2A03,product_manufacturer=Contoso Systems,product_name=CS-R740 Rack Server,product_part=CS-R740-1U,product_version=Rev. B,product_serial=CS7400012345,product_asset=ASSET-0042"]
        try process.run()
        process.waitUntilExit()
        let image = try HostFiles.readFile(output)
        // The first 33 bytes `ipmitool raw 0x0a 0x11 0 0 0 32` read from the guest's BMC.
        let raw: [UInt8] = [
            0x20, 0x01, 0x00, 0x01, 0x05, 0x0d, 0x00, 0x00, 0xec, 0x01, 0x04, 0x17, 0xc9, 0x43, 0x48, 0x53,
            0x2d, 0x31, 0x55, 0x2d, 0x30, 0x32, 0xce, 0x43, 0x48, 0x53, 0x2d, 0x37, 0x34, 0x30, 0x30, 0x30, 0x31,
        ]
        #expect(Array(image.prefix(32)) == Array(raw.dropFirst()))
        let bmc = CannedBMC()
        bmc.on(IPMIFRUReader.areaInfoRequest(0), [0x00, UInt8(image.count & 0xFF), UInt8(image.count >> 8), 0x00])
        for offset in stride(from: 0, to: image.count, by: 32) {
            let count = min(32, image.count - offset)
            bmc.on(IPMIFRUReader.readRequest(0, offset: offset, count: count),
                   [0x00, UInt8(count)] + Array(image[offset..<(offset + count)]))
        }
        var inventory = IPMIInventory()
        let read = inventory.fru(bmc)
        let fru = try #require(read)
        #expect(inventory.diagnostics.isEmpty)
        #expect(IPMIToolText.fruPrint(fru) == """
            FRU Device Description : Builtin FRU Device (ID 0)
             Chassis Type          : Rack Mount Chassis
             Chassis Part Number   : CHS-1U-02
             Chassis Serial        : CHS-7400012345
             Board Mfg Date        : Unspecified
             Board Mfg             : Contoso Systems
             Board Product         : 0MB7K2
             Board Serial          : .7B3K2.CN1296X0A00B.
             Board Part Number     : 0MB7K2A03
             Product Manufacturer  : Contoso Systems
             Product Name          : CS-R740 Rack Server
             Product Part Number   : CS-R740-1U
             Product Version       : Rev. B
             Product Serial        : CS7400012345
             Product Asset Tag     : ASSET-0042


            """)
    }

    @Test func readFRU_shrinksChunksWhenTheBMCSaysTooLong() throws {
        let image = Self.everyArea()
        let bmc = CannedBMC()
        bmc.on(IPMIFRUReader.areaInfoRequest(3), [0x00, UInt8(image.count), 0x00, 0x00])
        bmc.on(IPMIFRUReader.readRequest(3, offset: 0, count: 32), [0xCA])
        for offset in stride(from: 0, to: image.count, by: 16) {
            let count = min(16, image.count - offset)
            bmc.on(IPMIFRUReader.readRequest(3, offset: offset, count: count), [0x00, UInt8(count)] + Array(image[offset..<(offset + count)]))
        }
        #expect(try IPMIFRUReader.read(3, from: bmc) == image)
        // A response claiming more bytes than it carries is malformed, not a crash.
        let liar = CannedBMC()
        liar.on(IPMIFRUReader.areaInfoRequest(0), [0x00, 64, 0, 0])
        liar.on(IPMIFRUReader.readRequest(0, offset: 0, count: 32), [0x00, 32, 1, 2, 3])
        #expect(throws: IPMIError.self) { try IPMIFRUReader.read(0, from: liar) }
    }
}

@Suite struct IPMICollectorTests {
    @Test func noDeviceNode_givesAnEmptySectionAndADiagnostic_promptly() throws {
        let tree = try TemporaryTree()
        try tree.write("dev/null-placeholder", [])
        let context = CollectionContext(files: HostFiles(root: HostRoot(under: tree.path)))
        let output = IPMICollector().collect(context)
        var facts = Facts(metadata: FactsMetadata(
            mkagentVersion: "test", collectedAt: "", roots: HostRoot(under: tree.path), rootOrigins: [:], collectors: []))
        output.apply(&facts)
        #expect(facts.ipmi == IPMIFacts())
        #expect(output.diagnostics.count == 1)
        #expect(output.diagnostics.first?.error.contains("no IPMI device") == true)
    }

    @Test func deviceNodeThatIsNotIPMI_isRefusedWhenOpened() throws {
        let tree = try TemporaryTree()
        try tree.write("dev/ipmi0", [])
        #expect(throws: IPMIError.notIPMI(path: tree.path + "/dev/ipmi0", errno: ENOTTY, message: String(cString: strerror(ENOTTY)))) {
            try IPMIDevice(files: HostFiles(root: HostRoot(under: tree.path)), timeoutSeconds: 0.2)
        }
    }

    @Test func firstNodeThatOpens_isUsed_andEveryFailedAttemptIsKept() throws {
        let tree = try TemporaryTree()
        try tree.write("dev/ipmi/placeholder", [])
        let files = HostFiles(root: HostRoot(under: tree.path))
        do {
            _ = try IPMIDevice(files: files)
            Issue.record("a tree without nodes opened a device")
        } catch {
            guard case .open(let failures) = error else { Issue.record("unexpected \(error)"); return }
            #expect(failures.map(\.path) == IPMIDevice.candidates.map { files.path(.dev, $0) })
            #expect(failures.allSatisfy { $0.errno == ENOENT })
            #expect(IPMIToolText.openFailure(error)
                == "Could not open device at /dev/ipmi0 or /dev/ipmi/0 or /dev/ipmidev/0: No such file or directory")
        }
    }

    @Test func registryBesideTheEtcRoot_namesTheManufacturer() throws {
        let tree = try TemporaryTree()
        try tree.write("usr/share/misc/enterprise-numbers.txt", Array("PRIVATE ENTERPRISE NUMBERS\n\n10876\n  Super Micro Computer Inc.\n    x\n".utf8))
        let names = IPMICollector.manufacturers(HostFiles(root: HostRoot(under: tree.path)))
        #expect(names.name(10876) == "Super Micro Computer Inc.")
        #expect(names.name(343) == "Intel Corporation")
        #expect(names.name(0xABCDE) == "Unknown (0xABCDE)")
    }
}
