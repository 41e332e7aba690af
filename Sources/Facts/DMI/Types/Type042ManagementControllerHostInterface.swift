/// SMBIOS 7.43 Management Controller Host Interface (type 42), with the DMTF DSP0270 network interface
/// descriptors and the Redfish-over-IP protocol records of SMBIOS 3.2.
enum ManagementControllerHostInterfaceDecoder: DMIStructureDecoder {
    static let type: UInt8 = 42

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("Management Controller Host Interface")
        if context.atLeast(3, 2) {
            decodeInterface(s, into: &out)
        } else {
            // Before 3.2 the interface-specific data has no length, so only its start is readable.
            guard s.length >= 0x05 else { return }
            let type = s.byte(0x04)!
            out.attr("Interface Type", interfaceType(type))
            guard s.length >= 0x09, type == 0xF0 else { return }
            out.attr("Vendor ID", "0x" + s.bytes(0x05, 4)!.map(hex2).joined())
        }
    }

    /// 3.2 layout: type, data length, interface-specific data, then the protocol records.
    static func decodeInterface(_ s: SMBIOSStructure, into out: inout DMILines) {
        guard s.length >= 0x0B else { return }
        let dataLength = Int(s.byte(0x05)!)
        guard 0x06 + dataLength <= s.length else { return }
        let type = s.byte(0x04)!
        out.attr("Host Interface Type", interfaceType(type))
        // DSP0270 describes the data of network host interfaces only.
        guard type == 0x40 else { return }
        if dataLength != 0 {
            let deviceType = s.byte(0x06)!
            out.attr("Device Type", self.deviceType(deviceType))
            let word = { (i: Int) in "0x" + hex(s.word(0x07 + 2 * i)!, width: 4).lowercased() }
            if deviceType == 0x02 && dataLength >= 5 {
                out.attr("idVendor", word(0))
                out.attr("idProduct", word(1))
            } else if deviceType == 0x03 && dataLength >= 9 {
                out.attr("VendorID", word(0))
                out.attr("DeviceID", word(1))
                out.attr("SubVendorID", word(2))
                out.attr("SubDeviceID", word(3))
            } else if deviceType == 0x04 && dataLength >= 5 {
                out.attr("Vendor ID", s.bytes(0x07, 4)!.map { "0x" + hex2($0).lowercased() }.joined(separator: ":"))
            }
        }
        // The protocol record count, then records of identifier, length and data. A record running
        // past the structure ends the decoding.
        guard let count = s.byte(0x06 + dataLength) else { return }
        var offset = 0x07 + dataLength
        for _ in 0..<count {
            guard let length = s.byte(offset + 1), let record = s.bytes(offset, Int(length) + 2) else { return }
            protocolRecord(record, into: &out)
            offset += record.count
        }
    }

    /// DSP0270 8.5 protocol record: identifier, length, data.
    static func protocolRecord(_ record: [UInt8], into out: inout DMILines) {
        let id = record[0]
        out.attr("Protocol ID", hex2(id).lowercased() + " (\(protocolType(id)))")
        // Only Redfish over IP is decoded, and only from a record holding its 91 fixed bytes.
        guard id == 0x04, record.count >= 2 + 91 else { return }
        let data = Array(record[2...])
        out.subattr("Service UUID", SystemUUID(Array(data[0..<16]), DMIContext(version: 0x0301)).text)
        let hostAssignment = data[16]
        out.subattr("Host IP Assignment Type", assignmentType(hostAssignment))
        let hostFormat = data[17]
        out.subattr("Host IP Address Format", addressType(hostFormat))
        // Addresses are meaningful only when statically assigned or auto-configured.
        if hostAssignment == 0x01 || hostAssignment == 0x03 {
            out.subattr("\(addressType(hostFormat)) Address", address(data[18..<34], hostFormat))
            out.subattr("\(addressType(hostFormat)) Mask", address(data[34..<50], hostFormat))
        }
        let serviceDiscovery = data[50]
        out.subattr("Redfish Service IP Discovery Type", assignmentType(serviceDiscovery))
        let serviceFormat = data[51]
        out.subattr("Redfish Service IP Address Format", addressType(serviceFormat))
        if serviceDiscovery == 0x01 || serviceDiscovery == 0x03 {
            out.subattr("\(addressType(serviceFormat)) Redfish Service Address", address(data[52..<68], serviceFormat))
            out.subattr("\(addressType(serviceFormat)) Redfish Service Mask", address(data[68..<84], serviceFormat))
            let reader = ByteReader(data)
            out.subattr("Redfish Service Port", "\(reader.word(84)!)")
            out.subattr("Redfish Service Vlan", "\(reader.dword(86)!)")
        }
        // The host name follows, its length first; it must fit in the record.
        let nameLength = Int(data[90])
        let name: String
        if 91 + nameLength > data.count {
            name = DMIFormat.outOfSpec
        } else {
            name = String(decoding: data[91..<91 + nameLength].prefix { $0 != 0 }, as: UTF8.self)
        }
        out.subattr("Redfish Service Hostname", name)
    }

    /// An address in the usual text form of its format (DSP0270 8.6).
    static func address(_ bytes: ArraySlice<UInt8>, _ format: UInt8) -> String {
        switch format {
        case 0x01: return bytes.prefix(4).map { "\($0)" }.joined(separator: ".")
        case 0x02: return ipv6Text(Array(bytes))
        default: return DMIFormat.outOfSpec
        }
    }

    /// RFC 5952 text of an IPv6 address, as the C library's inet_ntop writes it: the longest run of two
    /// or more zero groups (the first of equals) becomes "::", and IPv4-compatible or IPv4-mapped
    /// addresses end in dotted decimal.
    static func ipv6Text(_ bytes: [UInt8]) -> String {
        let groups = (0..<8).map { UInt16(bytes[2 * $0]) << 8 | UInt16(bytes[2 * $0 + 1]) }
        var best: (start: Int, count: Int)?
        var i = 0
        while i < 8 {
            guard groups[i] == 0 else { i += 1; continue }
            var j = i
            while j < 8 && groups[j] == 0 { j += 1 }
            if j - i >= 2 && j - i > (best?.count ?? 0) { best = (i, j - i) }
            i = j
        }
        var text = ""
        i = 0
        while i < 8 {
            if let best, i == best.start {
                text += "::"
                i += best.count
                continue
            }
            if i > 0 && !text.hasSuffix(":") { text += ":" }
            if i == 6, let best, best.start == 0, best.count == 6 || (best.count == 5 && groups[5] == 0xFFFF) {
                text += bytes[12..<16].map { "\($0)" }.joined(separator: ".")
                break
            }
            text += String(groups[i], radix: 16)
            i += 1
        }
        return text
    }

    /// MCTP host interface types (DSP0239), the network interface of DSP0270, and OEM.
    static func interfaceType(_ code: UInt8) -> String {
        switch code {
        case 0x02...0x08:
            return [
                "KCS: Keyboard Controller Style", "8250 UART Register Compatible", "16450 UART Register Compatible",
                "16550/16550A UART Register Compatible", "16650/16650A UART Register Compatible",
                "16750/16750A UART Register Compatible", "16850/16850A UART Register Compatible",
            ][Int(code) - 0x02]
        case 0x00...0x3F: return "MCTP"
        case 0x40: return "Network"
        case 0xF0: return "OEM"
        default: return DMIFormat.outOfSpec
        }
    }

    /// DSP0270 8.3 device types.
    static func deviceType(_ code: UInt8) -> String {
        switch code {
        case 0x02: return "USB"
        case 0x03: return "PCI/PCIe"
        case 0x80...: return "OEM"
        default: return DMIFormat.outOfSpec
        }
    }

    /// 7.43.2 protocol types.
    static func protocolType(_ code: UInt8) -> String {
        code == 0xF0 ? "OEM" : DMIFormat.name(Int(code), ["Reserved", "Reserved", "IPMI", "MCTP", "Redfish over IP"], first: 0)
    }

    /// DSP0270 8.6 IP assignment and discovery types.
    static func assignmentType(_ code: UInt8) -> String {
        DMIFormat.name(Int(code), ["Unknown", "Static", "DHCP", "AutoConf", "Host Selected"], first: 0)
    }

    /// DSP0270 8.6 address formats.
    static func addressType(_ code: UInt8) -> String {
        DMIFormat.name(Int(code), ["Unknown", "IPv4", "IPv6"], first: 0)
    }
}
