import Facts

/// The Hanlon Microkernel's `mk_ipmi_*` facts, from the `ipmi` section. The old agent parsed the text of
/// `ipmitool bmc info`, `lan print` and `fru print`; here the same text is rendered from the section
/// (IPMIToolText) and read with that agent's key rules, so the names and values are the ones it sent:
/// the label before the first colon, whitespace collapsed to `_`, dots and `!@#$%^&*()=+[]{}` dropped;
/// the value is the trimmed text after it.
///
/// - `mk_ipmi_<Field>` for the fields of `mc info` and of `lan print` (the first LAN channel, as a bare
///   `ipmitool lan print` shows) that the old agent kept;
/// - `mk_ipmi_fru_<id>_<Field>` for every field of each FRU device's `fru print`.
///
/// Nothing is produced without a BMC (the old agent skipped IPMI when `ipmitool bmc info` failed).
enum HanlonIPMIFacts {
    static let mcInfoFields = [
        "Device_ID", "Device_Revision", "Firmware_Revision", "IPMI_Version", "Manufacturer_ID", "Manufacturer_Name",
        "Product_ID", "Product_Name", "Device_Available", "Provides_Device_SDRs",
    ]
    /// The old agent also kept the SNMP community, IP header and ARP settings, which mkagent does not read.
    static let lanFields = [
        "IP_Address_Source", "IP_Address", "Subnet_Mask", "MAC_Address", "Default_Gateway_IP", "Default_Gateway_MAC",
        "Backup_Gateway_IP", "Backup_Gateway_MAC", "8021q_VLAN_ID",
    ]

    static func facts(_ ipmi: IPMIFacts?) -> [String: String] {
        guard let ipmi, let device = ipmi.device else { return [:] }
        var out: [String: String] = [:]
        let mc = fields(IPMIToolText.mcInfo(device))
        for name in mcInfoFields { if let value = mc[name] { out["mk_ipmi_" + name] = value } }
        if let lan = ipmi.lanChannels.first {
            let printed = fields(IPMIToolText.lanPrint(lan))
            for name in lanFields { if let value = printed[name] { out["mk_ipmi_" + name] = value } }
        }
        for fru in ipmi.fru {
            for (name, value) in fields(IPMIToolText.fruFields(fru)) { out["mk_ipmi_fru_\(fru.id)_" + name] = value }
        }
        return out
    }

    /// `Label : value` lines by normalised label; lines without a colon or with an empty label are skipped,
    /// and a later line wins over an earlier one with the same label.
    static func fields(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let label = key(line[..<colon])
            guard !label.isEmpty else { continue }
            var value = line[line.index(after: colon)...]
            if value.first == " " { value = value.dropFirst() }
            out[label] = trimmed(value)
        }
        return out
    }

    private static func trimmed(_ text: Substring) -> String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    static func key(_ label: Substring) -> String {
        let words = label.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: "_")
        var key = words.filter { $0 != "." }
        if key.hasPrefix("#") { key = "number" + key.dropFirst() }
        return key.filter { !"!@#$%^&*()=+[]{}".contains($0) }
    }
}

