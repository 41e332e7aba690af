/// The event stream of `lldpcli show neighbors [details]` for a set of neighbours, in the order and with
/// the words of lldpd 1.0's `display.c` (chassis, port, VLANs, PPVIDs, protocol identities, LLDP-MED, unknown TLVs).
public struct LLDPCLIDisplay: Sendable {
    public var details: Bool
    /// Seconds since the neighbour's frame was seen, for `age`.
    public var age: @Sendable (LLDPNeighbor) -> Int

    public init(details: Bool, age: @escaping @Sendable (LLDPNeighbor) -> Int = { _ in 0 }) {
        self.details = details
        self.age = age
    }

    public func events(_ facts: LLDPFacts) -> [LLDPCLIEvent] {
        var out: [LLDPCLIEvent] = [.start("lldp")]
        var chassisIndex: [String: Int] = [:]
        for name in facts.interfaces.keys.sorted() {
            for neighbor in facts.interfaces[name] ?? [] {
                let key = "\(neighbor.chassis.subtypeCode)/\(neighbor.chassis.id)"
                let rid = chassisIndex[key] ?? (chassisIndex.count + 1)
                chassisIndex[key] = rid
                interface(name, neighbor, rid: rid, into: &out)
            }
        }
        out.append(.end)
        return out
    }

    private func datatag(_ tag: String, _ value: String?, _ out: inout [LLDPCLIEvent]) {
        guard let value else { return }
        out += [.start(tag), .data(value), .end]
    }

    private func interface(_ name: String, _ n: LLDPNeighbor, rid: Int, into out: inout [LLDPCLIEvent]) {
        out += [.start("interface"), .attribute("name", name), .attribute("via", n.protocol == "cdp" ? "CDPv\(n.cdp?.version ?? 2)" : "LLDP")]
        out += [.attribute("rid", "\(rid)"), .attribute("age", Self.ageText(age(n)))]
        chassis(n, &out)
        port(n, &out)
        if details {
            vlans(n, &out)
            for ppvid in n.vlans?.protocolVlans ?? [] {
                out.append(.start("ppvid"))
                if ppvid.id > 0 { out.append(.attribute("value", "\(ppvid.id)")) }
                out += [.attribute("supported", ppvid.supported ? "yes" : "no"), .attribute("enabled", ppvid.enabled ? "yes" : "no"), .end]
            }
            for identity in n.protocolIdentities ?? [] where !identity.isEmpty {
                datatag("pi", Self.spacedHex(identity), &out)
            }
            med(n, &out)
        }
        unknownTLVs(n, &out)
        out.append(.end)
    }

    private func chassis(_ n: LLDPNeighbor, _ out: inout [LLDPCLIEvent]) {
        out += [.start("chassis"), .start("id"), .attribute("type", Self.idType(n.chassis.subtype)), .data(n.chassis.id), .end]
        datatag("name", n.systemName, &out)
        datatag("descr", n.systemDescription, &out)
        for address in n.managementAddresses where address.family == "ipv4" || address.family == "ipv6" {
            datatag("mgmt-ip", address.address, &out)
            if address.interfaceNumber != 0 { datatag("mgmt-iface", "\(address.interfaceNumber)", &out) }
        }
        if let caps = n.capabilities {
            // lldpcli's order and words: bits 0, 1, 2, 4, 3, 5, 6, 7.
            for (bit, word) in [(0, "Other"), (1, "Repeater"), (2, "Bridge"), (4, "Router"), (3, "Wlan"), (5, "Tel"), (6, "Docsis"), (7, "Station")]
            where caps.supportedBits & (1 << bit) != 0 {
                out += [.start("capability"), .attribute("type", word), .attribute("enabled", caps.enabledBits & (1 << bit) != 0 ? "on" : "off"), .end]
            }
        }
        out.append(.end)
    }

    private func port(_ n: LLDPNeighbor, _ out: inout [LLDPCLIEvent]) {
        out += [.start("port"), .start("id"), .attribute("type", Self.idType(n.port.subtype)), .data(n.port.id), .end]
        datatag("descr", n.port.description, &out)
        if let ttl = n.ttlSeconds, ttl > 0 { datatag("ttl", "\(ttl)", &out) }
        if details {
            if let mtu = n.mtu, mtu > 0 { datatag("mfs", "\(mtu)", &out) }
            if let agg = n.linkAggregation, agg.portID > 0 { datatag("aggregation", "\(agg.portID)", &out) }
            if let macphy = n.macPhy, macphy.autonegotiationSupported || macphy.autonegotiationEnabled || macphy.mauType > 0 {
                out += [.start("auto-negotiation"), .attribute("supported", macphy.autonegotiationSupported ? "yes" : "no"),
                        .attribute("enabled", macphy.autonegotiationEnabled ? "yes" : "no")]
                if macphy.autonegotiationEnabled {
                    let bits = macphy.advertisedBits
                    for (hd, fd, word) in [(0x4000, 0x2000, "10Base-T"), (0x0800, 0x0400, "100Base-TX"), (0x0200, 0x0100, "100Base-T2"),
                                           (0x1000, 0x1000, "100Base-T4"), (0x0008, 0x0004, "1000Base-X"), (0x0002, 0x0001, "1000Base-T")]
                    where Int(bits) & (hd | fd) != 0 {
                        out += [.start("advertised"), .attribute("type", word)]
                        if hd != fd {
                            out += [.attribute("hd", Int(bits) & hd != 0 ? "yes" : "no"), .attribute("fd", Int(bits) & fd != 0 ? "yes" : "no")]
                        }
                        out.append(.end)
                    }
                }
                datatag("current", MAUType.descriptions[macphy.mauType] ?? "unknown", &out)
                out.append(.end)
            }
            if let power = n.power {
                out += [.start("power"), .attribute("supported", power.supported ? "yes" : "no"), .attribute("enabled", power.enabled ? "yes" : "no"),
                        .attribute("paircontrol", power.pairsControllable ? "yes" : "no")]
                datatag("device-type", power.deviceType, &out)
                datatag("pairs", power.pairs == 1 ? "signal" : power.pairs == 2 ? "spare" : "unknown", &out)
                datatag("class", (1...5).contains(power.powerClass) ? "class \(power.powerClass - 1)" : "unknown", &out)
                out.append(.end)
            }
        }
        out.append(.end)
    }

    private func vlans(_ n: LLDPNeighbor, _ out: inout [LLDPCLIEvent]) {
        guard let vlans = n.vlans else { return }
        let pvid = vlans.portVlanId.map(Int.init) ?? 0
        var foundPVID = false
        for vlan in vlans.vlans {
            let isPVID = Int(vlan.id) == pvid
            foundPVID = foundPVID || isPVID
            out += [.start("vlan"), .attribute("vlan-id", "\(vlan.id)"), .attribute("pvid", isPVID ? "yes" : "no"), .data(vlan.name), .end]
        }
        if !foundPVID && pvid > 0 {
            out += [.start("vlan"), .attribute("vlan-id", "\(pvid)"), .attribute("pvid", "yes"), .end]
        }
    }

    private func med(_ n: LLDPNeighbor, _ out: inout [LLDPCLIEvent]) {
        guard let med = n.med, let deviceType = med.deviceType else { return }
        out.append(.start("lldp-med"))
        datatag("device-type", deviceType, &out)
        let words = ["capabilities": "Capabilities", "network-policy": "Policy", "location": "Location",
                     "extended-power-pse": "MDI/PSE", "extended-power-pd": "MDI/PD", "inventory": "Inventory"]
        for capability in med.capabilities ?? [] {
            if let word = words[capability] { out += [.start("capability"), .attribute("type", word), .attribute("available", "yes"), .end] }
        }
        let applications = ["", "Voice", "Voice Signaling", "Guest Voice", "Guest Voice Signaling", "Softphone Voice",
                            "Video Conferencing", "Streaming Video", "Video Signaling"]
        let priorities = ["Best effort", "Background", "Excellent effort", "Critical applications", "Video", "Voice",
                          "Internetwork control", "Network control"]
        for policy in med.policies where policy.applicationType > 0 {
            out += [.start("policy"), .attribute("apptype", applications[safe: Int(policy.applicationType)] ?? "unknown"),
                    .attribute("defined", policy.unknown ? "no" : "yes")]
            if policy.tagged {
                let vid = policy.vlanID == 0 ? "priority" : policy.vlanID == 4095 ? "reserved" : "\(policy.vlanID)"
                out += [.start("vlan"), .attribute("vid", vid), .end]
            }
            datatag("priority", priorities[safe: Int(policy.priority)] ?? "\(policy.priority)", &out)
            datatag("pcp", "\(policy.priority)", &out)
            datatag("dscp", "\(policy.dscp)", &out)
            out.append(.end)
        }
        let inventory = med.inventory
        if !inventory.isEmpty {
            out.append(.start("inventory"))
            for (key, tag) in [("hardware_revision", "hardware"), ("software_revision", "software"), ("firmware_revision", "firmware"),
                               ("serial_number", "serial"), ("manufacturer", "manufacturer"), ("model", "model"), ("asset_id", "asset")] {
                datatag(tag, inventory[key], &out)
            }
            out.append(.end)
        }
        out.append(.end)
    }

    private func unknownTLVs(_ n: LLDPNeighbor, _ out: inout [LLDPCLIEvent]) {
        let organizational = (n.unknownTlvs ?? []).filter { $0.oui != nil }
        guard !organizational.isEmpty else { return }
        out.append(.start("unknown-tlvs"))
        for tlv in organizational {
            let bytes = stride(from: 0, to: tlv.data.count, by: 2).map { i -> String in
                let start = tlv.data.index(tlv.data.startIndex, offsetBy: i)
                return String(tlv.data[start..<tlv.data.index(start, offsetBy: 2)]).uppercased()
            }
            out += [.start("unknown-tlv"), .attribute("oui", (tlv.oui ?? "").replacing("-", with: ",").uppercased()),
                    .attribute("subtype", "\(tlv.subtype ?? 0)"), .attribute("len", "\(bytes.count)")]
            if !bytes.isEmpty { out.append(.data(bytes.joined(separator: ","))) }
            out.append(.end)
        }
        out.append(.end)
    }

    /// lldpcli's ID type words: it shows the component and circuit-ID subtypes as "unhandled".
    static func idType(_ kind: String) -> String {
        switch kind {
        case "mac", "ip", "ifname", "ifalias", "local": return kind
        default: return "unhandled"
        }
    }

    static func spacedHex(_ hex: String) -> String {
        stride(from: 0, to: hex.count, by: 2).map { i -> String in
            let start = hex.index(hex.startIndex, offsetBy: i)
            return String(hex[start..<hex.index(start, offsetBy: 2)])
        }.joined(separator: " ")
    }

    /// `0 day, 00:08:35`, as lldpcli prints a neighbour's age.
    public static func ageText(_ seconds: Int) -> String {
        let days = seconds / 86400
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(days) day\(days > 1 ? "s" : ""), \(two(seconds / 3600 % 24)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
    }
}
