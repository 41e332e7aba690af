import Facts

/// How the Hanlon server knows this node: `uuid` and `mac_id`.
struct NodeIdentity: Equatable, Sendable {
    /// Upper-case; empty when neither the kernel command line nor the SMBIOS table has one.
    var uuid: String
    /// MACs of the physical Ethernet interfaces, colons removed, lower-case, joined with `_`.
    var macID: String

    /// `smbios_uuid=` of the kernel command line (iPXE's `${uuid}`, which the old agent preferred because
    /// dmidecode disagreed with it on some VMware guests), else the SMBIOS system UUID.
    init(facts: Facts) {
        let fromCommandLine = facts.os?.cmdline?.value(of: "smbios_uuid").flatMap { $0.isEmpty ? nil : $0 }
        uuid = (fromCommandLine ?? facts.dmi?.system?.uuid ?? "").uppercased()
        macID = Self.physicalEthernet(facts.network?.interfaces ?? [])
            .compactMap(Self.hardwareAddress)
            .map { $0.lowercased().filter { $0 != ":" } }
            .joined(separator: "_")
    }

    init(uuid: String, macID: String) {
        self.uuid = uuid
        self.macID = macID
    }

    /// The mac_id rule. The old agent took Facter's `^eth[0-9]+$` interfaces; with predictable names (eno1,
    /// enp3s0, ens192) that matches nothing, so the rule is by what the interface is, not its name:
    /// link type `ether`, backed by a device on a bus (not loopback, bridge, bond, VLAN, veth, tunnel, or
    /// Wi-Fi/WWAN, which report a `DEVTYPE`), not an SR-IOV virtual function, with a non-zero MAC.
    /// Ordered by name with digit runs compared as numbers (eth2 before eth10), so the order is the same on
    /// every boot that names the interfaces the same.
    static func physicalEthernet(_ interfaces: [NetworkInterface]) -> [NetworkInterface] {
        interfaces
            .filter { i in
                i.linkType == "ether" && !i.virtual && i.bus != nil && i.kind == nil
                    && i.sriovPhysicalFunction == nil && hardwareAddress(i) != nil
            }
            .sorted { naturalLess($0.name, $1.name) }
    }

    /// The device's own MAC: a bond slave's current address is the bond's, so its permanent one is used.
    static func hardwareAddress(_ i: NetworkInterface) -> String? {
        let mac = i.permanentMacAddress ?? i.macAddress
        guard let mac, !mac.isEmpty, mac.contains(where: { $0 != "0" && $0 != ":" }) else { return nil }
        return mac
    }

    static func naturalLess(_ a: String, _ b: String) -> Bool {
        func parts(_ s: String) -> [(String, Int?)] {
            var result: [(String, Int?)] = []
            var current = ""
            var digits = false
            for c in s {
                let isDigit = c.isASCII && c.isNumber
                if !current.isEmpty && isDigit != digits {
                    result.append((current, digits ? Int(current) : nil))
                    current = ""
                }
                digits = isDigit
                current.append(c)
            }
            if !current.isEmpty { result.append((current, digits ? Int(current) : nil)) }
            return result
        }
        let pa = parts(a), pb = parts(b)
        for (x, y) in zip(pa, pb) where x.0 != y.0 {
            if let nx = x.1, let ny = y.1, nx != ny { return nx < ny }
            return x.0 < y.0
        }
        return pa.count < pb.count
    }
}
