import Testing
@testable import Facts

/// Types 16-20, 33 and 37. Expected values were read from `dmidecode --from-dump` (3.4) on the same
/// dumps, from systemd's `dmi_memory_id` output kept beside its dumps, or, for the synthetic structures,
/// from dmidecode run on a dump holding the same bytes.
@Suite struct DMIMemoryTests {
    // MARK: Helpers

    static func table(_ fixture: String) throws -> (SMBIOSTable, DMIContext) {
        let table = try Fixtures.dmiTable(fixture)
        return (table, DMIContext(table: table))
    }

    /// A structure from its body (the bytes after the 4-byte header).
    static func structure(_ type: UInt8, _ body: [UInt8], strings: [String] = [], handle: UInt16 = 0x0100) -> SMBIOSStructure {
        let header: [UInt8] = [type, UInt8(4 + body.count), UInt8(handle & 0xFF), UInt8(handle >> 8)]
        return SMBIOSStructure(formatted: header + body, strings: strings.map { Array($0.utf8) }, offset: 0)
    }

    static func text(_ s: SMBIOSStructure, _ context: DMIContext = DMIContext(version: 0x0303)) -> String {
        DMITextRenderer.render(DMIDecoder.record(s, context))
    }

    static func w(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    static func d(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(v >> (8 * UInt32($0)) & 0xFF) } }
    static func q(_ v: UInt64) -> [UInt8] { (0..<8).map { UInt8(v >> (8 * UInt64($0)) & 0xFF) } }

    /// A type 17 body with every field up to SMBIOS 3.3, cut to `length`.
    static func memoryDevice(
        size: UInt16, extendedSize: UInt32 = 0, speed: UInt16 = 3200, extendedSpeed: UInt32 = 0,
        configuredSpeed: UInt16 = 0xFFFF, extendedConfiguredSpeed: UInt32 = 4800,
        voltages: (UInt16, UInt16, UInt16) = (1100, 1350, 1205), modes: UInt16 = 0x000C, length: Int = 0x5C
    ) -> SMBIOSStructure {
        var b = w(0x1000) + w(0xFFFE) + w(72) + w(64) + w(size) + [9, 0xFF, 1, 2, 0x22] + w(0x2080) + w(speed)
        b += [3, 4, 5, 6, 0x12] + d(extendedSize) + w(configuredSpeed)
        b += w(voltages.0) + w(voltages.1) + w(voltages.2) + [7] + w(modes) + [7]
        b += w(0x2C80) + w(0x1234) + w(0) + w(0)
        b += q(0) + q(0x8_0000_0000) + q(.max) + q(0x10_0000) + d(extendedSpeed) + d(extendedConfiguredSpeed)
        return structure(17, Array(b.prefix(length - 4)),
                         strings: ["DIMM A", "BANK 0", "Micron", "1234", "tag", "PN-1  ", "fw 1.0"])
    }

    /// systemd's `KEY=value` lines.
    static func systemdKeys(_ fixture: String) throws -> [String: String] {
        let text = String(decoding: try Fixtures.bytes(fixture), as: UTF8.self)
        var keys: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let eq = line.firstIndex(of: "=") else { continue }
            keys[String(line[..<eq])] = String(line[line.index(after: eq)...])
        }
        return keys
    }

    // MARK: Typed models from real dumps

    @Test(arguments: ["HP-Z600", "Lenovo-ThinkPad-X280", "Lenovo-Thinkcentre-m720s"])
    func models_agreeWithSystemdMemoryID(_ dump: String) throws {
        let (table, context) = try Self.table("dmi/systemd/\(dump).bin")
        let keys = try Self.systemdKeys("dmi/systemd/\(dump).bin.txt")

        // systemd describes the system-memory arrays only, but counts the devices of all arrays.
        let allArrays = table.structures(ofType: 16).compactMap { PhysicalMemoryArray($0, context) }
        let arrays = allArrays.filter { $0.use == "System Memory" }
        #expect(!arrays.isEmpty)
        #expect(arrays.last?.maximumCapacityBytes.map(String.init) == keys["MEMORY_ARRAY_MAX_CAPACITY"])
        #expect(arrays.last?.location == keys["MEMORY_ARRAY_LOCATION"])
        #expect(arrays.last?.errorCorrectionType.flatMap { $0 == "None" ? nil : $0 } == keys["MEMORY_ARRAY_EC_TYPE"])
        #expect(String(allArrays.map(\.numberOfDevices).reduce(0, +)) == keys["MEMORY_ARRAY_NUM_DEVICES"])

        let devices = table.structures(ofType: 17).compactMap { MemoryDevice($0, context) }
        #expect(devices.count == table.structures(ofType: 17).count)
        #expect(keys["MEMORY_DEVICE_\(devices.count - 1)_LOCATOR"] != nil)
        for (n, device) in devices.enumerated() {
            let key = { (name: String) in keys["MEMORY_DEVICE_\(n)_\(name)"] }
            // systemd writes "Not Specified" for an absent string and leaves blank (all-space) ones out.
            let string = { (name: String) in key(name).flatMap { $0 == "Not Specified" ? nil : $0 } }
            #expect(device.locator == string("LOCATOR"))
            #expect(device.bankLocator == string("BANK_LOCATOR"))
            if key("PRESENT") == "0" {
                #expect(device.sizeBytes == nil)
                #expect(device.partNumber == nil)
                continue
            }
            #expect(device.sizeBytes.map(String.init) == key("SIZE"))
            #expect(device.totalWidthBits.map(String.init) == key("TOTAL_WIDTH"))
            #expect(device.dataWidthBits.map(String.init) == key("DATA_WIDTH"))
            #expect(device.speedMts.map(String.init) == key("SPEED_MTS"))
            #expect(device.configuredSpeedMts.map(String.init) == key("CONFIGURED_SPEED_MTS"))
            #expect(device.partNumber == string("PART_NUMBER"))
            #expect(device.serialNumber == string("SERIAL_NUMBER"))
            #expect(device.manufacturer == string("MANUFACTURER"))
            #expect(device.rank.map(String.init) == key("RANK"))
            #expect(device.type == key("TYPE"))
            // systemd shows whole volts (mV / 1000).
            #expect(device.minimumVoltageV.map { String(Int($0)) } == key("MINIMUM_VOLTAGE"))
            #expect(device.configuredVoltageV.map { String(Int($0)) } == key("CONFIGURED_VOLTAGE"))
            #expect(device.formFactor == key("FORM_FACTOR"))
            #expect(device.typeDetail.joined(separator: " ") == key("TYPE_DETAIL"))
        }
    }

    @Test func beelinkDDR5Module_hasItsSMBIOS3Fields() throws {
        let (table, context) = try Self.table("dmi/go-smbios/Beelink-EQ12.dmi")
        let devices = table.structures(ofType: 17).compactMap { MemoryDevice($0, context) }
        #expect(devices.count == 2)
        let dimm = try #require(devices.first)
        #expect(dimm.handle == 0x0028)
        #expect(dimm.arrayHandle == 0x0027)
        #expect(dimm.errorInformationHandle == nil)
        #expect(dimm.sizeBytes == 16 << 30)
        #expect(dimm.formFactor == "SODIMM")
        #expect(dimm.set == nil)
        #expect(dimm.type == "DDR5")
        #expect(dimm.typeDetail == ["Synchronous"])
        #expect(dimm.speedMts == 5600)
        #expect(dimm.configuredSpeedMts == 4800)
        #expect(dimm.manufacturer == "Crucial Technology")
        #expect(dimm.partNumber == "CT16G56C46S5.M8G1")
        #expect(dimm.rank == 1)
        #expect(dimm.minimumVoltageV == 1.1)
        #expect(dimm.configuredVoltageV == 1.1)
        #expect(dimm.memoryTechnology == "DRAM")
        #expect(dimm.operatingModeCapability == ["Volatile memory"])
        #expect(dimm.firmwareVersion == nil)
        #expect(dimm.moduleManufacturerId == "Bank 6, Hex 0x9B")
        #expect(dimm.moduleProductId == nil)
        #expect(dimm.nonVolatileSizeBytes == 0)
        #expect(dimm.volatileSizeBytes == 16 << 30)
        #expect(dimm.cacheSizeBytes == 0)
        #expect(dimm.logicalSizeBytes == 0)

        // The empty socket keeps its location but describes no module.
        let empty = devices[1]
        #expect(empty.locator == "Controller1-ChannelA-DIMM0")
        #expect(empty.sizeBytes == nil && empty.totalWidthBits == nil && empty.speedMts == nil)
        #expect(empty.manufacturer == nil && empty.memoryTechnology == nil && empty.volatileSizeBytes == nil)

        let array = try #require(table.structures(ofType: 16).first.flatMap { PhysicalMemoryArray($0, context) })
        #expect(array.handle == 0x0027 && array.location == "System Board Or Motherboard" && array.use == "System Memory")
        #expect(array.errorCorrectionType == "None" && array.maximumCapacityBytes == 64 << 30)
        #expect(array.errorInformationHandle == nil && array.numberOfDevices == 2)

        let mapped = try #require(table.structures(ofType: 19).first.flatMap { MemoryArrayMappedAddress($0, context) })
        #expect(mapped.handle == 0x002A && mapped.startingAddress == 0 && mapped.endingAddress == 0x3_FFFF_FFFF)
        #expect(mapped.rangeSizeBytes == 16 << 30 && mapped.physicalArrayHandle == 0x0027 && mapped.partitionWidth == 1)
    }

    @Test func errorInformationHandle_isKeptWhenItPointsAtAStructure() throws {
        let (table, context) = try Self.table("dmi/derived/go-smbios-ASRock-Single-Ryzen.bin")
        let device = try #require(table.structures.first { $0.handle == 0x0017 }.flatMap { MemoryDevice($0, context) })
        #expect(device.errorInformationHandle == 0x0016)
        #expect(device.sizeBytes == 32 << 30)
        #expect(device.partNumber == "KF3200C16D4/32GX")
        // A string the firmware wrote is kept as written.
        #expect(device.firmwareVersion == "Unknown")
    }

    // MARK: Text of fields the dumps do not exercise

    @Test func memoryDevice_extendedSizeSpeedsVoltagesAndRegions() {
        let full = Self.memoryDevice(size: 0x4000)
        let text = Self.text(full)
        #expect(text.contains("\tSize: 16 GB\n\tForm Factor: DIMM\n\tSet: Unknown\n"))
        #expect(text.contains("\tType: DDR5\n\tType Detail: Synchronous Registered (Buffered)\n\tSpeed: 3200 MT/s\n"))
        #expect(text.contains("\tRank: 2\n\tConfigured Memory Speed: 4800 MT/s\n"))
        #expect(text.contains("\tMinimum Voltage: 1.1 V\n\tMaximum Voltage: 1.35 V\n\tConfigured Voltage: 1.205 V\n"))
        #expect(text.contains("\tMemory Technology: Intel Optane DC persistent memory\n"))
        #expect(text.contains("\tMemory Operating Mode Capability: Unknown Volatile memory\n"))
        #expect(text.contains("\tModule Manufacturer ID: Bank 1, Hex 0x2C\n\tModule Product ID: 0x1234\n"))
        #expect(text.contains("\tNon-Volatile Size: None\n\tVolatile Size: 32 GB\n\tCache Size: Unknown\n\tLogical Size: 1 MB\n"))
        let model = MemoryDevice(full, DMIContext(version: 0x0303))
        #expect(model?.partNumber == "PN-1")
        #expect(model?.configuredSpeedMts == 4800)
        #expect(model?.maximumVoltageV == 1.35)
        #expect(model?.cacheSizeBytes == nil)
        #expect(model?.logicalSizeBytes == 1 << 20)

        let extended = Self.memoryDevice(size: 0x7FFF, extendedSize: 0x18000, speed: 0xFFFF, extendedSpeed: 8400,
                                         configuredSpeed: 0, voltages: (50, 0, 65535), modes: 0x0040)
        let extendedText = Self.text(extended)
        #expect(extendedText.contains("\tSize: 96 GB\n"))
        #expect(extendedText.contains("\tSpeed: 8400 MT/s\n"))
        #expect(extendedText.contains("\tConfigured Memory Speed: Unknown\n"))
        #expect(extendedText.contains("\tMinimum Voltage: 0.05 V\n\tMaximum Voltage: Unknown\n\tConfigured Voltage: 65.535 V\n"))
        // Only reserved mode bits set: dmidecode prints an empty list, not "None".
        #expect(extendedText.contains("\tMemory Operating Mode Capability: \n"))
        let extendedModel = MemoryDevice(extended, DMIContext(version: 0x0303))
        #expect(extendedModel?.sizeBytes == 96 << 30)
        #expect(extendedModel?.speedMts == 8400)
        #expect(extendedModel?.configuredSpeedMts == nil)
        #expect(extendedModel?.minimumVoltageV == 0.05)
        #expect(extendedModel?.operatingModeCapability == [])

        // Extended speeds need the 3.3 length (0x5C): one byte short, 0xFFFF reads as unknown.
        #expect(Self.text(Self.memoryDevice(size: 0x7FFF, extendedSize: 0x10_0000, speed: 0xFFFF, extendedSpeed: 8400,
                                            length: 0x5B)).contains("\tSize: 1 TB\n\tForm Factor"))
        #expect(MemoryDevice(Self.memoryDevice(size: 0x4000, speed: 0xFFFF, extendedSpeed: 8400, length: 0x5B),
                             DMIContext(version: 0x0303))?.speedMts == nil)
        // The extended size is ignored (its top bit too) only without the 2.7 dword.
        #expect(Self.text(Self.memoryDevice(size: 0x7FFF, extendedSize: 0x8000_0300, length: 0x20))
            .contains("\tSize: 768 MB\n"))
        #expect(Self.text(Self.memoryDevice(size: 0x7FFF, length: 0x1F)).contains("\tSize: 32767 MB\n"))
        // Bit 15 of the size word: kB granularity.
        let small = Self.memoryDevice(size: 0x8200, length: 0x1C)
        #expect(Self.text(small).contains("\tSize: 512 kB\n"))
        #expect(MemoryDevice(small, DMIContext(version: 0x0303))?.sizeBytes == 512 << 10)
    }

    @Test func mappedAddresses_legacyExtendedAndInvalidRanges() {
        let legacy = Self.structure(19, Self.d(0) + Self.d(0x3F_FFFF) + Self.w(0x100) + [2])
        #expect(Self.text(legacy).contains(
            "\tStarting Address: 0x00000000000\n\tEnding Address: 0x000FFFFFFFF\n\tRange Size: 4 GB\n"))
        let wrapped = Self.structure(19, Self.d(0x10_0001) + Self.d(0x10_0000) + Self.w(0x100) + [2])
        #expect(Self.text(wrapped).contains(
            "\tStarting Address: 0x00040000400\n\tEnding Address: 0x000400003FF\n\tRange Size: Invalid\n"))
        #expect(MemoryArrayMappedAddress(wrapped, DMIContext(version: 0x0303))?.rangeSizeBytes == nil)

        let extended = Self.structure(19, Self.d(0xFFFF_FFFF) + Self.d(0xFFFF_FFFF) + Self.w(0x100) + [1]
                                      + Self.q(0x1_0000_0000) + Self.q(0x4_7FFF_FFFF))
        #expect(Self.text(extended).contains(
            "\tStarting Address: 0x0000000100000000k\n\tEnding Address: 0x000000047FFFFFFFk\n\tRange Size: 14 GB\n"))
        let model = MemoryArrayMappedAddress(extended, DMIContext(version: 0x0303))
        #expect(model?.startingAddress == 0x1_0000_0000 && model?.endingAddress == 0x4_7FFF_FFFF)
        #expect(model?.rangeSizeBytes == 14 << 30 && model?.physicalArrayHandle == 0x0100 && model?.partitionWidth == 1)
        let everything = Self.structure(19, Self.d(0xFFFF_FFFF) + Self.d(0xFFFF_FFFF) + Self.w(0x100) + [1]
                                        + Self.q(0) + Self.q(.max))
        #expect(Self.text(everything).contains("\tRange Size: 0 bytes\n"))

        let device = Self.structure(20, Self.d(0xFFFF_FFFF) + Self.d(0) + Self.w(0x101) + Self.w(0x110) + [1, 2, 3]
                                    + Self.q(0x1000) + Self.q(0x1FFF))
        #expect(Self.text(device) == """
            Handle 0x0100, DMI type 20, 35 bytes
            Memory Device Mapped Address
            \tStarting Address: 0x0000000000001000k
            \tEnding Address: 0x0000000000001FFFk
            \tRange Size: 4 kB
            \tPhysical Device Handle: 0x0101
            \tMemory Array Mapped Address Handle: 0x0110
            \tPartition Row Position: 1
            \tInterleave Position: 2
            \tInterleaved Data Depth: 3


            """)
        let notInterleaved = Self.structure(20, Self.d(0) + Self.d(0x3F_FFFF) + Self.w(0x101) + Self.w(0x110) + [0, 0, 0])
        #expect(Self.text(notInterleaved).hasSuffix("\tPartition Row Position: <OUT OF SPEC>\n\n"))
    }

    @Test func physicalMemoryArray_extendedAndUnknownCapacity() {
        let extended = Self.structure(16, [3, 3, 6] + Self.d(0x8000_0000) + Self.w(0xFFFE) + Self.w(4) + Self.q(4 << 40))
        #expect(Self.text(extended).contains("\tMaximum Capacity: 4 TB\n"))
        #expect(PhysicalMemoryArray(extended, DMIContext(version: 0x0303))?.maximumCapacityBytes == 4 << 40)
        let short = Self.structure(16, [0xA4, 7, 8] + Self.d(0x8000_0000) + Self.w(0x0123) + Self.w(2))
        #expect(Self.text(short).contains("""
            \tLocation: CXL Flexbus 1.0
            \tUse: Cache Memory
            \tError Correction Type: <OUT OF SPEC>
            \tMaximum Capacity: Unknown
            \tError Information Handle: 0x0123
            """))
        let model = PhysicalMemoryArray(short, DMIContext(version: 0x0303))
        #expect(model?.maximumCapacityBytes == nil)
        #expect(model?.errorCorrectionType == nil)
        #expect(model?.errorInformationHandle == 0x0123)
    }

    @Test func memoryErrorInformation_32And64Bit() {
        let e32 = Self.structure(18, [0x0E, 4, 5] + Self.d(0xDEAD_BEEF) + Self.d(0x8000_0000) + Self.d(0x1234_5678) + Self.d(0))
        #expect(Self.text(e32) == """
            Handle 0x0100, DMI type 18, 23 bytes
            32-bit Memory Error Information
            \tType: Uncorrectable Error
            \tGranularity: Memory Partition Level
            \tOperation: Partial Write
            \tVendor Syndrome: 0xDEADBEEF
            \tMemory Array Address: Unknown
            \tDevice Address: 0x12345678
            \tResolution: 0x00000000


            """)
        let e64 = Self.structure(33, [3, 2, 2] + Self.d(1) + Self.q(0x8000_0000_0000_0000) + Self.q(0x12_3456_789A)
                                 + Self.d(0x8000_0000))
        #expect(Self.text(e64).contains("""
            \tType: OK
            \tGranularity: Unknown
            \tOperation: Unknown
            \tVendor Syndrome: 0x00000001
            \tMemory Array Address: Unknown
            \tDevice Address: 0x000000123456789A
            \tResolution: Unknown
            """))
    }

    /// dmidecode 3.4 shows device N's load and handle from the entry after it; the last device reads
    /// the bytes after the formatted area, here the string set.
    @Test func memoryChannel_devicesAreShownAsDmidecodeShowsThem() {
        let channel = Self.structure(37, [3, 10, 3, 1] + Self.w(0x201) + [2] + Self.w(0x202) + [3] + Self.w(0x203),
                                     strings: ["AB", "C"])
        #expect(Self.text(channel) == """
            Handle 0x0100, DMI type 37, 16 bytes
            Memory Channel
            \tType: RamBus
            \tMaximal Load: 10
            \tDevices: 3
            \tDevice 1 Load: 2
            \tDevice 1 Handle: 0x0202
            \tDevice 2 Load: 3
            \tDevice 2 Handle: 0x0203
            \tDevice 3 Load: 65
            \tDevice 3 Handle: 0x0042


            """)
        // More devices announced than the structure holds: the list is left out.
        let short = Self.structure(37, [1, 10, 3, 1] + Self.w(0x201))
        #expect(Self.text(short).hasSuffix("\tDevices: 3\n\n"))
    }

    // MARK: Malformed input

    @Test func truncatedStructures_printOnlyWhatFits() {
        let context = DMIContext(version: 0x0303)
        // Shorter than the 2.1 fields: title only, no model.
        let cut = Self.memoryDevice(size: 0x0400, length: 0x14)
        #expect(Self.text(cut) == "Handle 0x0100, DMI type 17, 20 bytes\nMemory Device\n\n")
        #expect(MemoryDevice(cut, context) == nil)
        // Cut before the speed: everything up to the type detail.
        let noSpeed = Self.memoryDevice(size: 0x0400, length: 0x16)
        #expect(Self.text(noSpeed).hasSuffix("\tType Detail: Synchronous Registered (Buffered)\n\n"))
        let model = MemoryDevice(noSpeed, context)
        #expect(model?.sizeBytes == 1 << 30)
        #expect(model?.speedMts == nil && model?.manufacturer == nil)
        // Cut inside the 3.2 region sizes: they stop at the last whole one.
        let regions = Self.memoryDevice(size: 0x0400, length: 0x44 + 3)
        #expect(Self.text(regions).hasSuffix("\tNon-Volatile Size: None\n\tVolatile Size: 32 GB\n\n"))
        #expect(MemoryDevice(regions, context)?.cacheSizeBytes == nil)
        // String numbers past the string set.
        let badStrings = Self.structure(17, Array(Self.memoryDevice(size: 0x0400).formatted[4..<0x1C]))
        #expect(Self.text(badStrings).contains("\tLocator: <BAD INDEX>\n"))
        #expect(MemoryDevice(badStrings, context)?.locator == nil)

        for (type, length) in [(UInt8(16), 6), (18, 0x16), (19, 8), (20, 0x12), (33, 0x1E), (37, 6)] {
            let s = Self.structure(type, [UInt8](repeating: 0xFF, count: length - 4))
            let record = DMIDecoder.record(s, context)
            #expect(record.lines.count == 1, "type \(type) cut to \(length) bytes")
        }
        #expect(PhysicalMemoryArray(Self.structure(16, [3, 3]), context) == nil)
        #expect(MemoryArrayMappedAddress(Self.structure(19, Self.d(0)), context) == nil)
        // Extended addresses announced but cut off: the kB fields are used.
        let noExtended = Self.structure(19, Self.d(0xFFFF_FFFF) + Self.d(0xFFFF_FFFF) + Self.w(0x100) + [1] + Self.q(0))
        #expect(Self.text(noExtended).contains("\tStarting Address: 0x3FFFFFFFC00\n\tEnding Address: 0x3FFFFFFFFFF\n\tRange Size: 1 kB\n"))
    }
}
