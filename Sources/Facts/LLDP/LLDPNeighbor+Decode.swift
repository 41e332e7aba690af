extension LLDPNeighbor {
    /// The neighbour an LLDPDU describes; nil when its chassis ID, port ID or TTL is missing.
    public init?(pdu: LLDPPDU, source: String, seenAt: String?) {
        guard let chassisID = pdu.chassisID, let portID = pdu.portID, let ttl = pdu.timeToLive else { return nil }
        self.protocol = "lldp"
        self.seenAt = seenAt
        sourceMac = source
        ttlSeconds = Int(ttl)
        chassis = Chassis(id: chassisID.value, subtype: chassisID.kind, subtypeCode: chassisID.subtype)
        port = Port(id: portID.value, subtype: portID.kind, subtypeCode: portID.subtype)
        managementAddresses = []
        var vlans = VLANs(vlans: [], protocolVlans: [])
        var med = MED(policies: [], locations: [], inventory: [:])
        var identities: [String] = []
        var unknown: [UnknownTLV] = []
        for tlv in pdu.tlvs {
            switch tlv.value {
            case .portDescription(let text): port.description = port.description ?? text
            case .systemName(let text): systemName = systemName ?? text
            case .systemDescription(let text): systemDescription = systemDescription ?? text
            case .systemCapabilities(let caps): capabilities = capabilities ?? caps
            case .managementAddress(let address): managementAddresses.append(address)
            case .unknown(let data): unknown.append(UnknownTLV(type: tlv.type, data: hexBytes(data, separator: "")))
            case .organizational(let org):
                switch org.content {
                case .portVLANID(let id): vlans.portVlanId = id
                case .protocolVLAN(let ppvid): vlans.protocolVlans.append(ppvid)
                case .vlanName(let vlan): vlans.vlans.append(vlan)
                case .protocolIdentity(let bytes): if !bytes.isEmpty { identities.append(hexBytes(bytes, separator: "")) }
                case .linkAggregation(let agg): linkAggregation = agg
                case .macPHY(let macphy): macPhy = macphy
                case .powerViaMDI(let mdi): power = mdi
                case .maximumFrameSize(let size): mtu = Int(size)
                case .medCapabilities(let caps):
                    med.deviceType = caps.deviceType
                    med.capabilities = caps.capabilities
                case .medNetworkPolicy(let policy): med.policies.append(policy)
                case .medLocation(let location): med.locations.append(location)
                case .medPower(let medPower): med.power = medPower
                case .medInventory(let text):
                    let keys = [5: "hardware_revision", 6: "firmware_revision", 7: "software_revision", 8: "serial_number",
                                9: "manufacturer", 10: "model", 11: "asset_id"]
                    if let key = keys[Int(org.subtype)] { med.inventory[key] = text }
                case .other:
                    unknown.append(UnknownTLV(type: 127, oui: org.ouiText, subtype: org.subtype, data: hexBytes(org.data, separator: "")))
                }
            default: break
            }
        }
        if vlans.portVlanId != nil || !vlans.vlans.isEmpty || !vlans.protocolVlans.isEmpty { self.vlans = vlans }
        if med.deviceType != nil || !med.policies.isEmpty || !med.locations.isEmpty || med.power != nil || !med.inventory.isEmpty {
            self.med = med
        }
        protocolIdentities = identities.isEmpty ? nil : identities
        unknownTlvs = unknown.isEmpty ? nil : unknown
    }

    /// The neighbour a CDP packet describes, in the same shape: device ID as chassis and system name,
    /// software version as system description, native VLAN as port VLAN ID.
    public init?(cdp packet: CDPPacket, source: String, seenAt: String?) {
        guard let device = packet.deviceID else { return nil }
        self.protocol = "cdp"
        self.seenAt = seenAt
        sourceMac = source
        ttlSeconds = Int(packet.ttl)
        chassis = Chassis(id: device, subtype: "local", subtypeCode: 7)
        let portName = packet.portID ?? ""
        port = Port(id: portName, subtype: "ifname", subtypeCode: 5, description: packet.portID)
        systemName = device
        managementAddresses = []
        var details = CDPDetails(version: packet.version, capabilities: [])
        var addresses: [CDPAddress] = []
        var management: [CDPAddress] = []
        for tlv in packet.tlvs {
            switch tlv.value {
            case .softwareVersion(let text): systemDescription = text
            case .platform(let text): details.platform = text
            case .vtpDomain(let text): details.vtpDomain = text
            case .duplex(let value): details.duplex = value == 0 ? "half" : value == 1 ? "full" : "\(value)"
            case .nativeVLAN(let vlan): vlans = VLANs(portVlanId: vlan, vlans: [], protocolVlans: [])
            case .mtu(let value): mtu = Int(value)
            case .addresses(let list): addresses += list
            case .managementAddresses(let list): management += list
            case .capabilities(let bits):
                details.capabilities = CDPTLV.capabilityNames.filter { bits & $0.0 != 0 }.map(\.1)
                // lldpd's mapping of CDP capabilities onto LLDP's: router, bridge (either bridge or a switch), station, repeater.
                var lldpBits: UInt16 = 0
                if bits & 0x01 != 0 { lldpBits |= 0x10 }
                if bits & 0x0A != 0 { lldpBits |= 0x04 }
                if bits & 0x10 != 0 { lldpBits |= 0x80 }
                if bits & 0x40 != 0 { lldpBits |= 0x02 }
                capabilities = LLDPCapabilities(supportedBits: lldpBits, enabledBits: lldpBits)
            default: break
            }
        }
        for address in (management.isEmpty ? addresses : management) {
            let afi: UInt8 = address.family == "ipv4" ? 1 : address.family == "ipv6" ? 2 : 0
            managementAddresses.append(LLDPManagementAddress(address: address.address, addressFamily: afi, interfaceNumberingSubtype: 1, interfaceNumber: 0))
        }
        cdp = details
    }
}
