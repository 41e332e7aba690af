import Testing
@testable import Facts

/// /proc/cpuinfo of real machines (util-linux's lscpu dumps) and small hand-made cases.
@Suite struct CPUInfoParserTests {
    @Test func bigLittle_splitsTypesWhereAModelLineDisagrees() throws {
        let info = CPUInfoParser.parse(try CPUFixtures.dumpFile("arm-A510-A710-A715-X3", "proc/cpuinfo"))
        #expect(info.types.map(\.model) == ["0xd46", "0xd4d", "0xd47", "0xd4e"])
        #expect(info.processors.keys.sorted() == Array(0...7))
        #expect((0...7).map { info.processors[$0]?.typeIndex } == [0, 0, 0, 1, 1, 2, 2, 3])
        // The X3 type starts at CPU 7's variant line, after its BogoMIPS, Features and implementer lines:
        // like lscpu 2.38 it has none of them.
        #expect(info.types[3].vendor == nil && info.types[3].bogomips == nil && info.types[3].flags == nil)
        #expect(info.types[3].stepping == "0x1")
        #expect(info.types[1].vendor == "0x41" && info.types[1].bogomips == "38.40")
    }

    @Test func x86_firstBogomipsStandsForTheType_eachCPUKeepsItsOwn() throws {
        let info = CPUInfoParser.parse(try CPUFixtures.dumpFile("x86_64-dell_e4310", "proc/cpuinfo"))
        #expect(info.types.count == 1)
        let type = try #require(info.types.first)
        #expect(type.vendor == "GenuineIntel")
        #expect(type.modelName == "Intel(R) Core(TM) i5 CPU       M 560  @ 2.67GHz")
        #expect(type.family == "6" && type.model == "37" && type.stepping == "5")
        #expect(type.bogomips == "5319.92")
        #expect(type.addressSizes == "36 bits physical, 48 bits virtual")
        #expect(type.flags?.split(separator: " ").contains("vmx") == true)
        #expect(info.processors[0]?.mhz == "1199.000")
        #expect(info.processors.count == 4)
        #expect(info.malformedLines.isEmpty)
    }

    @Test func s390_headerIsTheType_processorNLinesNameTheCPUs_sharedCachesKept() throws {
        let info = CPUInfoParser.parse(try CPUFixtures.dumpFile("s390-lpar-drawer", "proc/cpuinfo"))
        let type = try #require(info.types.first)
        #expect(type.vendor == "IBM/S390" && type.bogomips == "20325.00")
        #expect(type.dynamicMHz == "5000" && type.staticMHz == "5000")
        #expect(info.processors.keys.sorted() == Array(0...7))
        #expect(info.sharedCaches.map(\.name) == ["L3", "L4"])
        #expect(info.sharedCaches.map(\.sizeBytes) == [65536 * 1024, 491520 * 1024])
        #expect(info.sharedCaches.first?.associativity == 16)
    }

    @Test func power_cpuLineIsTheModelName_globalBlockMergesIntoTheType() throws {
        let info = CPUInfoParser.parse(try CPUFixtures.dumpFile("ppc64-POWER7", "proc/cpuinfo"))
        #expect(info.types.count == 1)
        #expect(info.types[0].modelName == "POWER7 (architected), altivec supported")
        #expect(info.types[0].revision == "2.1 (pvr 003f 0201)")
        #expect(info.types[0].model == "IBM,8233-E8B")
    }

    @Test func riscv_withoutModelLines_hasProcessorsButNoType() throws {
        let info = CPUInfoParser.parse(try CPUFixtures.dumpFile("rv64-linux", "proc/cpuinfo"))
        #expect(info.types.isEmpty)
        #expect(info.processors.keys.sorted() == [0, 1])
    }

    @Test func garbageLines_areCountedAndSkipped_theRestIsRead() {
        let text = """
            processor\t: 0
            vendor_id\t: GenuineIntel
            this line has no separator
            \u{01}\u{02}\u{7f}binary junk
            model name\t: Test CPU @ 1.00GHz
            flags\t\t:
            : value without a key
            cpu MHz\t\t: not-a-number

            processor\t: x
            model name\t: Test CPU @ 1.00GHz
            """
        let info = CPUInfoParser.parse(text)
        #expect(info.malformedLines == [3, 4])
        #expect(info.types.count == 1)
        #expect(info.types[0].modelName == "Test CPU @ 1.00GHz")
        #expect(info.types[0].flags == nil)
        // An unreadable processor number counts as 0, as in lscpu.
        #expect(info.processors.keys.sorted() == [0])
    }

    @Test func emptyAndNonUTF8Input_doNotCrash() {
        #expect(CPUInfoParser.parse("") == CPUInfo())
        let bytes: [UInt8] = [0xff, 0xfe, 0x3a, 0x0a, 0x70, 0x72, 0x6f, 0x63, 0x3a, 0xc3]
        let info = CPUInfoParser.parse(String(decoding: bytes, as: UTF8.self))
        #expect(info.types.isEmpty)
    }

    @Test func keysEndingInANumber_areThatKeyForThatNumber() {
        #expect(CPUInfoParser.cleanKey("processor 12 ") == ("processor", 12))
        #expect(CPUInfoParser.cleanKey("cache3") == ("cache", 3))
        #expect(CPUInfoParser.cleanKey("model name") == ("model name", nil))
    }
}
