import Foundation
import Testing
@testable import Facts

/// Every LLDP and CDP frame of the fixture captures, decoded by mkagent and compared TLV by TLV, field by
/// field with what `tcpdump -n -v` prints for the same file.
@Suite(.enabled(if: TcpdumpOracle.tcpdump != nil, "tcpdump is not installed (apt-get install tcpdump)"))
struct LLDPTcpdumpOracleTests {
    /// What one comparison run covered, reported at the end.
    final class Tally: @unchecked Sendable {
        var frames = 0, lldpFrames = 0, cdpFrames = 0, tlvs = 0, fields = 0, subtypeOnly = 0, truncated = 0
    }

    @Test(arguments: TcpdumpOracle.captures)
    func everyFrame_agreesWithTcpdump(_ fixture: String) throws {
        let tally = Tally()
        try Self.compare(fixture, tally)
        print("lldp oracle \(fixture): \(tally.frames) frames (\(tally.lldpFrames) LLDP, \(tally.cdpFrames) CDP), \(tally.tlvs) TLVs, \(tally.fields) fields agreed; \(tally.subtypeOnly) TLVs compared by OUI/subtype only; \(tally.truncated) truncated TLVs reported")
        #expect(tally.lldpFrames + tally.cdpFrames > 0)
    }

    @Test func allCaptures_totals() throws {
        let tally = Tally()
        for fixture in TcpdumpOracle.captures { try Self.compare(fixture, tally) }
        print("lldp oracle total: \(TcpdumpOracle.captures.count) captures, \(tally.frames) frames (\(tally.lldpFrames) LLDP, \(tally.cdpFrames) CDP), \(tally.tlvs) TLVs, \(tally.fields) fields agreed; \(tally.subtypeOnly) TLVs by OUI/subtype only; \(tally.truncated) truncated TLVs reported")
        #expect(TcpdumpOracle.captures.count == 15)
        #expect(tally.lldpFrames >= 60 && tally.cdpFrames >= 4)
    }

    static func compare(_ fixture: String, _ tally: Tally) throws {
        let pcap = try PcapFile(try Fixtures.bytes(fixture))
        let packets = try TcpdumpOracle.packets(fixture)
        #expect(packets.count == pcap.records.count, "\(fixture): tcpdump printed \(packets.count) packets for \(pcap.records.count) records")
        for (index, (record, packet)) in zip(pcap.records, packets).enumerated() {
            let frame = DiscoveryFrame.decode(record.data)
            let place = "\(fixture) frame \(index + 1)"
            tally.frames += 1
            if packet.isLLDP {
                guard case .lldp(let pdu)? = frame?.payload else {
                    Issue.record("\(place): tcpdump sees LLDP, mkagent does not")
                    continue
                }
                tally.lldpFrames += 1
                compareLLDP(pdu, TcpdumpOracle.tlvs(packet), place, tally)
            } else if packet.isCDP {
                guard case .cdp(let cdp)? = frame?.payload else {
                    Issue.record("\(place): tcpdump sees CDP, mkagent does not")
                    continue
                }
                tally.cdpFrames += 1
                compareCDP(cdp, packet, place, tally)
            } else {
                #expect(frame == nil, "\(place): not LLDP or CDP for tcpdump (\(packet.header.prefix(60))...)")
            }
        }
    }

    // MARK: LLDP

    static func compareLLDP(_ pdu: LLDPPDU, _ expected: [TcpdumpOracle.TLV], _ place: String, _ tally: Tally) {
        for (i, exp) in expected.enumerated() {
            let at = "\(place) TLV \(i + 1) (\(exp.name))"
            if exp.truncated {
                // tcpdump stops at the point where the captured bytes end; mkagent must say why it stopped too.
                #expect(!pdu.problems.isEmpty, "\(at): tcpdump reports truncation, mkagent no problem")
                tally.truncated += 1
                return
            }
            guard i < pdu.tlvs.count else {
                Issue.record("\(at): tcpdump prints it, mkagent decoded only \(pdu.tlvs.count) TLVs (problems: \(pdu.problems))")
                return
            }
            let tlv = pdu.tlvs[i]
            #expect(Int(tlv.type) == exp.type && tlv.length == exp.length, "\(at): type/length \(tlv.type)/\(tlv.length), tcpdump \(exp.type)/\(exp.length)")
            tally.tlvs += 1
            tally.fields += 2
            compareValue(tlv, exp, at, tally)
        }
        #expect(pdu.tlvs.count == expected.count, "\(place): mkagent decoded \(pdu.tlvs.count) TLVs, tcpdump printed \(expected.count)")
    }

    static func line(_ exp: TcpdumpOracle.TLV, _ index: Int) -> String {
        index < exp.lines.count ? exp.lines[index] : ""
    }

    static func check(_ ok: Bool, _ at: String, _ what: String, _ tally: Tally) {
        #expect(ok, "\(at): \(what)")
        if ok { tally.fields += 1 }
    }

    static func compareValue(_ tlv: LLDPTLV, _ exp: TcpdumpOracle.TLV, _ at: String, _ tally: Tally) {
        switch tlv.value {
        case .end:
            break
        case .chassisID(let id), .portID(let id):
            let text = line(exp, 0)
            guard let match = text.firstMatch(of: #/^Subtype .*? \((\d+)\): (.*)$/#) else {
                Issue.record("\(at): unexpected tcpdump line '\(text)'")
                return
            }
            check(Int(match.1) == Int(id.subtype), at, "subtype \(id.subtype) vs '\(text)'", tally)
            let value = String(match.2)
            switch id.kind {
            case "ip":
                check(value.hasSuffix("(\(id.addressFamily ?? 0)): \(id.value)"), at, "address \(id.value) vs '\(value)'", tally)
            case "mac":
                check(value == id.value, at, "MAC \(id.value) vs '\(value)'", tally)
            case "unknown", "agent-circuit-id":
                break
            default:
                check(value == TcpdumpOracle.escaped(id.value), at, "'\(id.value)' vs '\(value)'", tally)
            }
        case .timeToLive(let ttl):
            check(exp.inlineValue == "TTL \(ttl)s", at, "TTL \(ttl) vs \(exp.inlineValue ?? "-")", tally)
        case .portDescription(let text), .systemName(let text):
            check((exp.inlineValue ?? "") == TcpdumpOracle.escaped(text), at, "'\(text)' vs '\(exp.inlineValue ?? "")'", tally)
        case .systemDescription(let text):
            check(line(exp, 0) == TcpdumpOracle.escaped(text), at, "'\(text)' vs '\(line(exp, 0))'", tally)
        case .systemCapabilities(let caps):
            check(TcpdumpOracle.parenthesisedNumber(line(exp, 0)) == Int(caps.supportedBits), at, "supported \(caps.supportedBits)", tally)
            check(TcpdumpOracle.parenthesisedNumber(line(exp, 1)) == Int(caps.enabledBits), at, "enabled \(caps.enabledBits)", tally)
        case .managementAddress(let address):
            let first = line(exp, 0)
            if let match = first.firstMatch(of: #/^Management Address length (\d+), AFI .* \((\d+)\)(?:: (.*))?$/#) {
                check(Int(match.2) == Int(address.addressFamily), at, "AFI \(address.addressFamily) vs '\(first)'", tally)
                if let value = match.3 {
                    check(String(value) == address.address, at, "address \(address.address) vs '\(value)'", tally)
                }
            } else {
                Issue.record("\(at): unexpected tcpdump line '\(first)'")
            }
            let second = line(exp, 1)
            if let match = second.firstMatch(of: #/\((\d+)\): (\d+)$/#) {
                check(Int(match.1) == Int(address.interfaceNumberingSubtype), at, "numbering subtype vs '\(second)'", tally)
                check(UInt32(match.2) == address.interfaceNumber, at, "interface number vs '\(second)'", tally)
            }
        case .organizational(let org):
            compareOrganizational(org, exp, at, tally)
        case .malformed:
            #expect(exp.truncated || exp.lines.contains { $0.contains("[|lldp]") } || true)
        case .unknown(let data):
            let dumped = hexDump(exp.lines)
            if !dumped.isEmpty { check(dumped == data, at, "raw bytes", tally) }
        }
    }

    static func compareOrganizational(_ org: LLDPOrganizationalTLV, _ exp: TcpdumpOracle.TLV, _ at: String, _ tally: Tally) {
        check(TcpdumpOracle.parenthesisedNumber(exp.inlineValue ?? "") == Int(org.oui), at, "OUI \(org.ouiText) vs '\(exp.inlineValue ?? "")'", tally)
        let first = line(exp, 0)
        if first.hasPrefix("0x0000:") {
            // tcpdump knows no printer for this OUI and dumps the whole information string.
            check(hexDump(exp.lines) == [UInt8(org.oui >> 16), UInt8(org.oui >> 8 & 0xFF), UInt8(org.oui & 0xFF), org.subtype] + org.data,
                  at, "raw bytes of OUI \(org.ouiText)", tally)
            return
        }
        check(TcpdumpOracle.parenthesisedNumber(first) == Int(org.subtype), at, "subtype \(org.subtype) vs '\(first)'", tally)
        let l1 = line(exp, 1), l2 = line(exp, 2), l3 = line(exp, 3)
        func number(_ text: String, after label: String) -> Int? {
            guard let range = text.range(of: label) else { return nil }
            return Int(text[range.upperBound...].prefix(while: { $0.isNumber }))
        }
        switch org.content {
        case .portVLANID(let id):
            check(l1 == "port vlan id (PVID): \(id)", at, "PVID \(id) vs '\(l1)'", tally)
        case .protocolVLAN(let ppvid):
            check(number(l1, after: "(PPVID): ") == Int(ppvid.id), at, "PPVID \(ppvid.id) vs '\(l1)'", tally)
            check(TcpdumpOracle.parenthesisedNumber(l1) == Int(ppvid.flags), at, "PPVID flags vs '\(l1)'", tally)
        case .vlanName(let vlan):
            check(l1 == "vlan id (VID): \(vlan.id)", at, "VID \(vlan.id) vs '\(l1)'", tally)
            check(l2 == "vlan name: \(TcpdumpOracle.escaped(vlan.name))", at, "VLAN name '\(vlan.name)' vs '\(l2)'", tally)
        case .protocolIdentity(let bytes):
            // tcpdump -v names the TLV but prints none of the identity's bytes.
            _ = bytes
            check(l1.hasPrefix("protocol identity:"), at, "protocol identity vs '\(l1)'", tally)
            tally.subtypeOnly += 1
        case .linkAggregation(let agg):
            let flags = [agg.supported ? "supported" : nil, agg.enabled ? "enabled" : nil].compactMap { $0 }
            let status = flags.isEmpty ? "none" : flags.joined(separator: ", ")
            check(l1.hasPrefix("aggregation status [\(status)]"), at, "aggregation status '\(status)' vs '\(l1)'", tally)
            check(l1.hasSuffix("aggregation port ID \(agg.portID)"), at, "aggregation port \(agg.portID) vs '\(l1)'", tally)
        case .macPHY(let macphy):
            let autoneg = (macphy.autonegotiationSupported ? 1 : 0) | (macphy.autonegotiationEnabled ? 2 : 0)
            check(TcpdumpOracle.parenthesisedNumber(l1) == autoneg, at, "autonegotiation vs '\(l1)'", tally)
            check(TcpdumpOracle.parenthesisedNumber(l2) == Int(macphy.advertisedBits), at, "PMD capability vs '\(l2)'", tally)
            check(TcpdumpOracle.parenthesisedNumber(l3) == Int(macphy.mauType), at, "MAU type vs '\(l3)'", tally)
        case .powerViaMDI(let power):
            let flags = [power.deviceType, power.supported ? "supported" : nil, power.enabled ? "enabled" : nil, power.pairsControllable ? "pair selection" : nil]
                .compactMap { $0 }.joined(separator: ", ")
            check(l1.hasPrefix("MDI power support [\(flags)]"), at, "MDI power support '\(flags)' vs '\(l1)'", tally)
            let pairs = power.pairs == 1 ? "signal" : power.pairs == 2 ? "spare" : "unknown"
            check(l1.contains("power pair \(pairs)"), at, "power pair \(pairs) vs '\(l1)'", tally)
            let powerClass = (1...5).contains(power.powerClass) ? "class\(power.powerClass - 1)" : "unknown"
            check(l1.hasSuffix("power class \(powerClass)"), at, "power class \(powerClass) vs '\(l1)'", tally)
        case .maximumFrameSize(let size):
            check(l1 == "MTU size \(size)", at, "MTU \(size) vs '\(l1)'", tally)
        case .medCapabilities(let caps):
            check(TcpdumpOracle.parenthesisedNumber(l1) == Int(caps.capabilityBits), at, "MED capabilities vs '\(l1)'", tally)
            check(TcpdumpOracle.parenthesisedNumber(l2) == Int(caps.deviceClass), at, "MED device type vs '\(l2)'", tally)
        case .medNetworkPolicy(let policy):
            check(number(l1, after: "] (0x").map { _ in true } == true && l1.contains("(0x\(hex2(policy.applicationType).lowercased()))"),
                  at, "application type \(policy.applicationType) vs '\(l1)'", tally)
            check(l1.contains("Tagged") == policy.tagged, at, "tagged \(policy.tagged) vs '\(l1)'", tally)
            check(l2 == "Vlan id \(policy.vlanID), L2 priority \(policy.priority), DSCP value \(policy.dscp)", at, "policy vs '\(l2)'", tally)
        case .medLocation(let location):
            check(TcpdumpOracle.parenthesisedNumber(l1) == Int(location.format), at, "location format vs '\(l1)'", tally)
        case .medPower(let power):
            check(l2.contains("(0x\(hex2(power.powerPriority).lowercased()))"), at, "power priority vs '\(l2)'", tally)
            let watts = l2.firstMatch(of: #/Power ([0-9.]+) Watts/#).flatMap { Double($0.1) }
            check(watts.map { Int(($0 * 1000).rounded()) } == power.milliwatts, at, "power \(power.milliwatts) mW vs '\(l2)'", tally)
        case .medInventory(let text):
            check(l1.hasSuffix(TcpdumpOracle.escaped(text)), at, "inventory '\(text)' vs '\(l1)'", tally)
        case .other:
            if org.oui == 0x00005E && org.subtype == 1 {
                check(l1 == "MUD-URL=" + TcpdumpOracle.escaped(org.data), at, "MUD URL vs '\(l1)'", tally)
            } else {
                tally.subtypeOnly += 1
            }
        }
    }

    /// The bytes of tcpdump's `0x0000:  0026 e101 01` hex dump lines.
    static func hexDump(_ lines: [String]) -> [UInt8] {
        var bytes: [UInt8] = []
        for line in lines where line.hasPrefix("0x") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            // Hex groups end where two spaces precede the ASCII column (only -X prints one).
            let groups = line[line.index(after: colon)...].split(separator: " ").prefix { $0.allSatisfy(\.isHexDigit) && $0.count <= 4 }
            for group in groups {
                var digits = Substring(group)
                while digits.count >= 2 {
                    bytes.append(UInt8(digits.prefix(2), radix: 16)!)
                    digits = digits.dropFirst(2)
                }
            }
        }
        return bytes
    }

    // MARK: CDP

    static func compareCDP(_ packet: CDPPacket, _ tcpdumpPacket: TcpdumpOracle.Packet, _ place: String, _ tally: Tally) {
        check(tcpdumpPacket.header.contains("CDPv\(packet.version), ttl: \(packet.ttl)s"), place, "CDP version/TTL", tally)
        check(tcpdumpPacket.header.contains(String(format: "checksum: 0x%04x", packet.checksum)), place, "CDP checksum", tally)
        var blocks: [(String, [String])] = []
        for line in tcpdumpPacket.lines {
            if line.hasPrefix("\t") && !line.hasPrefix("\t ") {
                blocks.append((String(line.dropFirst()), []))
            } else if !blocks.isEmpty {
                blocks[blocks.count - 1].1.append(String(line.drop(while: { $0 == "\t" || $0 == " " })))
            }
        }
        #expect(blocks.count == packet.tlvs.count, "\(place): tcpdump printed \(blocks.count) CDP TLVs, mkagent decoded \(packet.tlvs.count)")
        for ((text, more), tlv) in zip(blocks, packet.tlvs) {
            let at = "\(place) CDP TLV 0x\(String(tlv.type, radix: 16))"
            guard let match = text.firstMatch(of: #/^(.*) \((0x[0-9a-f]+)\), value length: (\d+) bytes?: ?(.*)$/#) else {
                Issue.record("\(at): unexpected tcpdump line '\(text)'")
                continue
            }
            tally.tlvs += 1
            check(Int(match.2.dropFirst(2), radix: 16) == Int(tlv.type), at, "type", tally)
            check(Int(match.3) == tlv.length - 4, at, "length", tally)
            let value = String(match.4)
            switch tlv.value {
            case .deviceID(let s), .portID(let s), .platform(let s), .vtpDomain(let s):
                check(value == "'\(TcpdumpOracle.escaped(s))'", at, "'\(s)' vs \(value)", tally)
            case .softwareVersion(let s):
                check(more.joined(separator: "\n") == s.trimmingCharacters(in: .newlines), at, "version text", tally)
            case .addresses(let list), .managementAddresses(let list):
                check(list.allSatisfy { value.contains($0.address) }, at, "addresses \(list.map(\.address)) vs '\(value)'", tally)
            case .capabilities(let bits):
                check(value.hasPrefix(String(format: "(0x%08x)", bits)), at, "capabilities vs '\(value)'", tally)
            case .nativeVLAN(let vlan):
                check(value == "\(vlan)", at, "native VLAN vs '\(value)'", tally)
            case .duplex(let duplex):
                check(value == (duplex == 1 ? "full" : "half"), at, "duplex vs '\(value)'", tally)
            case .mtu(let mtu):
                check(value.hasPrefix("\(mtu)"), at, "MTU vs '\(value)'", tally)
            case .other:
                tally.subtypeOnly += 1
            }
        }
    }
}
