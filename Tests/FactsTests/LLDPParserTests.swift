import Testing
@testable import Facts

/// The LLDP parser on hand-made broken frames, the pcap reader, the kernel filter and the lldpcli writers.
@Suite struct LLDPParserTests {
    static func tlv(_ type: UInt8, _ body: [UInt8]) -> [UInt8] {
        [type << 1 | UInt8(body.count >> 8), UInt8(body.count & 0xFF)] + body
    }

    static let chassis = tlv(1, [4, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55])
    static let port = tlv(2, [5] + Array("ge-0/0/1".utf8))
    static let ttl = tlv(3, [0, 120])
    static let end: [UInt8] = [0, 0]

    static func frame(_ pdu: [UInt8]) -> [UInt8] {
        [0x01, 0x80, 0xC2, 0x00, 0x00, 0x0E, 0x02, 0, 0, 0, 0, 1, 0x88, 0xCC] + pdu
    }

    @Test func wellFormedPDU_decodesWithoutProblems_andPaddingIsIgnored() {
        let pdu = LLDPParser.parse(Self.chassis + Self.port + Self.ttl + Self.tlv(5, Array("sw1".utf8)) + Self.end + [0, 0, 0, 0])
        #expect(pdu.problems.isEmpty)
        #expect(pdu.chassisID == LLDPIdentifier(subtype: 4, kind: "mac", value: "00:11:22:33:44:55"))
        #expect(pdu.portID?.value == "ge-0/0/1")
        #expect(pdu.timeToLive == 120)
        #expect(pdu.tlvs.map(\.type) == [1, 2, 3, 5, 0])
    }

    @Test func zeroLengthTLVs_areProblemsForMandatoryOnes_butDecodingGoesOn() {
        let pdu = LLDPParser.parse(Self.tlv(1, []) + Self.port + Self.ttl + Self.tlv(5, []) + Self.end)
        #expect(pdu.problems.contains { $0.message.hasPrefix("Chassis ID TLV at offset 0: length 0 is outside 2...256") })
        #expect(pdu.tlvs.count == 5)
        #expect(pdu.tlvs[3].value == .systemName(""))
        #expect(pdu.chassisID == nil)
        #expect(LLDPNeighbor(pdu: pdu, source: "02:00:00:00:00:01", seenAt: nil) == nil, "no neighbour without a chassis ID")
    }

    @Test func lengthPastTheFrameEnd_stopsWithAProblem_keepingEarlierTLVs() {
        let pdu = LLDPParser.parse(Self.chassis + Self.port + Self.ttl + [0x0C, 0x40] + Array("short".utf8))
        #expect(pdu.tlvs.count == 3)
        #expect(pdu.problems.map(\.message) == ["System Description TLV at offset 24 declares 64 bytes but only 5 remain; decoding stopped"])
        #expect(LLDPNeighbor(pdu: pdu, source: "02:00:00:00:00:01", seenAt: nil)?.port.id == "ge-0/0/1")
    }

    @Test func missingMandatoryTLVs_areNamed() {
        let pdu = LLDPParser.parse(Self.tlv(5, Array("sw1".utf8)) + Self.end)
        #expect(pdu.problems.map(\.message) == ["mandatory chassis ID, port ID, time to live TLVs missing"])
        let noTTL = LLDPParser.parse(Self.chassis + Self.port + Self.end)
        #expect(noTTL.problems.map(\.message) == ["mandatory time to live TLV missing"])
    }

    @Test func duplicateEndTLV_isPadding_butTLVsAfterEndAreReported() {
        #expect(LLDPParser.parse(Self.chassis + Self.port + Self.ttl + Self.end + Self.end).problems.isEmpty)
        let after = LLDPParser.parse(Self.chassis + Self.port + Self.ttl + Self.end + Self.tlv(5, Array("late".utf8)) + Self.end)
        #expect(after.problems.map(\.message) == ["8 bytes after the End of LLDPDU TLV at offset 24 are not padding; ignored"])
        #expect(after.tlvs.last?.value == .end)
    }

    @Test func duplicatedAndMisorderedMandatoryTLVs_areReported() {
        let pdu = LLDPParser.parse(Self.port + Self.chassis + Self.ttl + Self.ttl + Self.end)
        let messages = pdu.problems.map(\.message)
        #expect(messages.contains("chassis ID TLV is not TLV number 1 as 802.1AB requires"))
        #expect(messages.contains("2 time to live TLVs, one expected; the first is used"))
    }

    @Test func truncatedHeader_andBadOrganizationalTLVs_neverTrap() {
        #expect(LLDPParser.parse([0x02]).problems.first?.message == "TLV header at offset 0 is cut short (1 byte left); decoding stopped")
        let shortOrg = LLDPParser.parse(Self.chassis + Self.port + Self.ttl + Self.tlv(127, [0x00, 0x12]) + Self.tlv(127, [0x00, 0x12, 0x0F, 0x01, 0x03]) + Self.end)
        #expect(shortOrg.problems.count == 2)
        #expect(shortOrg.tlvs.count == 6)
        // Every prefix of a real frame decodes without trapping.
        let full = Self.chassis + Self.port + Self.ttl + Self.tlv(8, [5, 1, 192, 0, 2, 1, 2, 0, 0, 0, 3, 0]) + Self.end
        for count in 0...full.count { _ = LLDPParser.parse(Array(full.prefix(count))) }
    }

    @Test func managementAddress_oid_andIPv6Text() {
        let body: [UInt8] = [17, 2] + [0x20, 0x01, 0x0d, 0xb8] + [UInt8](repeating: 0, count: 11) + [1] + [2, 0, 0, 0, 7] + [4, 0x2B, 6, 1, 2]
        guard case .managementAddress(let address) = LLDPParser.parse(Self.tlv(8, body)).tlvs.first?.value else {
            Issue.record("no management address")
            return
        }
        #expect(address.address == "2001:db8::1")
        #expect(address.oid == "1.3.6.1.2")
        #expect(address.interfaceNumber == 7)
        #expect(ipAddressText([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 10, 0, 0, 1]) == "::ffff:10.0.0.1")
    }

    @Test func pcapReader_readsBothByteOrders_alike() throws {
        let little = try Fixtures.bytes("lldp/tcpdump/lldp_mudurl.pcap")
        var big = little
        func swap(_ offset: Int, _ width: Int) { big[offset..<(offset + width)].reverse() }
        for offset in [0, 8, 12, 16, 20] { swap(offset, 4) }
        swap(4, 2)
        swap(6, 2)
        var offset = 24
        while offset + 16 <= little.count {
            let captured = Int(little[offset + 8]) | Int(little[offset + 9]) << 8 | Int(little[offset + 10]) << 16
            for field in 0..<4 { swap(offset + field * 4, 4) }
            offset += 16 + captured
        }
        let a = try PcapFile(little), b = try PcapFile(big)
        #expect(a.records.count == 2)
        #expect(a.records == b.records)
        #expect(a.linkType == 1 && b.linkType == 1)
        #expect(throws: PcapFile.FormatError.badMagic(0x0a0d0d0a)) { try PcapFile([0x0a, 0x0d, 0x0d, 0x0a] + [UInt8](repeating: 0, count: 24)) }
        #expect(RFC3339.format(seconds: Int64(a.records[0].seconds)) == "2016-12-30T13:30:12Z")
    }

    /// A classic BPF interpreter for the few opcodes the filter uses, to check the program on real frames.
    static func accepts(_ frame: [UInt8]) -> Bool {
        var a: UInt32 = 0
        var pc = 0
        let bytes = NetworkBytes(frame)
        while pc < DiscoveryPacketFilter.program.count {
            let i = DiscoveryPacketFilter.program[pc]
            switch i.code {
            case BPFInstruction.loadWord: guard let v = bytes.u32(Int(i.k)) else { return false }; a = v
            case BPFInstruction.loadHalf: guard let v = bytes.u16(Int(i.k)) else { return false }; a = UInt32(v)
            case BPFInstruction.jumpEqual: pc += Int(a == i.k ? i.jt : i.jf)
            case BPFInstruction.jumpGreater: pc += Int(a > i.k ? i.jt : i.jf)
            case BPFInstruction.returnConstant: return i.k != 0
            default: return false
            }
            pc += 1
        }
        return false
    }

    @Test func kernelFilter_acceptsExactlyTheLLDPAndCDPFrames() throws {
        var accepted = 0, rejected = 0
        for fixture in TcpdumpOracle.captures {
            for record in try PcapFile(try Fixtures.bytes(fixture)).records {
                let isDiscovery = DiscoveryFrame.decode(record.data).map { frame in
                    frame.destination.hasPrefix("01:80:c2:00:00:") || frame.destination == "01:00:0c:cc:cc:cc"
                } ?? false
                #expect(Self.accepts(record.data) == isDiscovery, "\(fixture)")
                if isDiscovery { accepted += 1 } else { rejected += 1 }
            }
        }
        #expect(accepted >= 60 && rejected >= 40, "\(accepted) accepted, \(rejected) rejected")
    }

    @Test func lldpcliKeyValue_hasTheRackHDSampleShape() throws {
        let pcap = try PcapFile(try Fixtures.bytes("lldp/wireshark-samples/lldp.detailed.pcap"))
        var table = LLDPNeighborTable()
        for record in pcap.records { table.add(frame: record.data, interface: "p20p2", seenAt: nil) }
        let text = LLDPCLIKeyValueWriter.render(LLDPCLIDisplay(details: false).events(LLDPFacts(interfaces: table.interfaces)))
        let sample = try String(decoding: Fixtures.bytes("rackhd-samplefiles/lldp.txt"), as: UTF8.self)
        let keys = { (text: String) in Set(text.split(separator: "\n").compactMap { $0.split(separator: "=").first.map(String.init) }) }
        // The sample's keys this neighbour has too (it sends no IP management address and no chassis "mac"-less ID).
        let shared = keys(sample).subtracting(["lldp.p20p2.chassis.mgmt-ip", "lldp.p20p2.port.ifname"])
        #expect(shared.isSubset(of: keys(text)), "\(shared.subtracting(keys(text)))")
        #expect(text.contains("lldp.p20p2.port.ifname=1/1\n"))
        #expect(text.contains("lldp.p20p2.chassis.Bridge.enabled=on\n"))
    }
}
