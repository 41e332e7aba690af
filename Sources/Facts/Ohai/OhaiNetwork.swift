/// ohai's Linux `network` plugin, which reads `ip addr`, `ip -d -s link` and `ip route`, rebuilt from the
/// network facts (netlink) and the interfaces' flag words, giving the values those commands would print:
///
/// - `interfaces.<name>`: `type`/`number` (the name split before its last digits), `mtu`, `flags` (the
///   kernel's interface flags in iproute2's order, as ohai matches them: at least two or none), `encapsulation`
///   (`Ethernet`, `Loopback`, or iproute2's link type) and `addresses` keyed by address: the MAC in upper
///   case (`lladdr`), IPv4 with `prefixlen`, `netmask`, `broadcast`, `peer`, `scope`, IPv6 with `prefixlen`
///   and `scope` (`host` is called `Node`, other scopes capitalized); `vlan.id`; `state` (the operational state).
/// - `default_interface`/`default_gateway` and the `default_inet6_` pair, from the default routes.
/// - `ipaddress`/`macaddress`: the default interface's address on the gateway's network and its MAC; without
///   a default gateway, the first Ethernet interface (by name) that has both.
///
/// Not rebuilt: per-interface `routes` and `arp`/`neighbour_inet6` tables, alias interfaces (`eth0:1`,
/// from address labels), traffic counters.
enum OhaiNetwork {
    /// Interface flag bits (linux/if.h) and their names, in the order iproute2 prints them. IFF_LOWER_UP is
    /// not in the sysfs `flags` word; iproute2 shows it when the interface is up and has carrier.
    static let flagNames: [(bit: UInt32, name: String)] = [
        (0x8, "LOOPBACK"), (0x2, "BROADCAST"), (0x10, "POINTOPOINT"), (0x1000, "MULTICAST"), (0x80, "NOARP"),
        (0x200, "ALLMULTI"), (0x100, "PROMISC"), (0x20, "NOTRAILERS"), (0x4, "DEBUG"), (0x8000, "DYNAMIC"),
        (0x4000, "AUTOMEDIA"), (0x2000, "PORTSEL"), (0x400, "MASTER"), (0x800, "SLAVE"), (0x1, "UP"), (0x10000, "LOWER_UP"),
    ]

    /// The flag names ohai's pattern picks out of an `ip addr` line: POINTOPOINT and the rare others are
    /// not among them (ohai spells it POINTTOPOINT).
    static let ohaiFlags: Set<String> = [
        "UP", "BROADCAST", "DEBUG", "LOOPBACK", "NOTRAILERS", "LOWER_UP", "NOARP", "PROMISC", "ALLMULTI", "SLAVE",
        "MASTER", "MULTICAST", "DYNAMIC",
    ]

    struct Result {
        var network: OhaiObject
        var ipaddress: String?
        var macaddress: String?
    }

    static func section(_ facts: NetworkFacts, flags: [String: UInt32]) -> Result {
        var interfaces = OhaiObject()
        for interface in facts.interfaces {
            interfaces[interface.name] = .object(entry(interface, flags: flags[interface.name]))
        }
        var network = OhaiObject()
        network["interfaces"] = .object(interfaces)
        for (family, prefix, none) in [("inet", "default", "0.0.0.0"), ("inet6", "default_inet6", "::")] {
            let routes = facts.defaultRoutes.enumerated().filter { $0.element.family == family && $0.element.interface.map { interfaces[$0] != nil } == true }
            // The lowest metric first; among equals, the order the kernel listed them.
            guard let route = routes.min(by: { ($0.element.metric ?? 0, $0.offset) < ($1.element.metric ?? 0, $1.offset) })?.element else { continue }
            network.set("\(prefix)_interface", route.interface)
            network.set("\(prefix)_gateway", route.gateway ?? none)
        }
        var result = Result(network: network)
        if let name = network["default_interface"]?.string, let gateway = network["default_gateway"]?.string, gateway != "0.0.0.0",
            case .object(let entry)? = interfaces[name], case .object(let addresses)? = entry["addresses"] {
            (result.ipaddress, result.macaddress) = addressAndMAC(addresses, matching: gateway)
        } else {
            for name in interfaces.keys.sorted() {
                guard case .object(let entry)? = interfaces[name], entry["encapsulation"]?.string == "Ethernet" else { continue }
                var addresses = OhaiObject()
                if case .object(let found)? = entry["addresses"] { addresses = found }
                (result.ipaddress, result.macaddress) = addressAndMAC(addresses, matching: nil)
                if result.ipaddress != nil && result.macaddress != nil { break }
            }
        }
        return result
    }

    static func entry(_ interface: NetworkInterface, flags word: UInt32?) -> OhaiObject {
        var entry = OhaiObject()
        if let (type, number) = typeAndNumber(interface.name) {
            entry.set("type", type)
            entry.set("number", number)
        }
        entry.set("mtu", interface.mtu.map(String.init))
        if let word {
            let up = word & 0x1 != 0
            let all = word | (up && interface.carrier == true ? 0x10000 : 0)
            let names = flagNames.filter { all & $0.bit != 0 && ohaiFlags.contains($0.name) }.map(\.name)
            if names.count > 1 { entry["flags"] = .array(names.map(OhaiValue.string)) }
        }
        var addresses = OhaiObject()
        if let mac = interface.macAddress, let linkType = interface.linkType, isLinkTypeWord(linkType) {
            entry.set("encapsulation", ["ether": "Ethernet", "loopback": "Loopback"][linkType] ?? linkType)
            if mac != "00:00:00:00:00:00" {
                var lladdr = OhaiObject()
                lladdr.set("family", "lladdr")
                addresses[mac.uppercased()] = .object(lladdr)
            }
        }
        for address in interface.addresses ?? [] {
            var value = OhaiObject()
            if address.family == "inet" {
                let prefix = address.peer == nil ? address.prefixLength : 32
                value.set("family", "inet")
                value.set("prefixlen", String(prefix))
                value.set("netmask", IPv4.mask(prefix).map(IPv4.format))
                value.set("peer", address.peer)
                value.set("broadcast", address.broadcast)
                value.set("scope", scopeName(address.scope))
            } else if address.family == "inet6", address.peer == nil {
                value.set("family", "inet6")
                value.set("prefixlen", String(address.prefixLength))
                value.set("scope", scopeName(address.scope))
            } else {
                continue
            }
            addresses[address.address] = .object(value)
        }
        if !addresses.keys.isEmpty { entry["addresses"] = .object(addresses) }
        if let id = interface.vlanId {
            var vlan = OhaiObject()
            vlan.set("id", String(id))
            entry["vlan"] = .object(vlan)
        }
        entry.set("state", interface.operstate?.lowercased())
        return entry
    }

    /// ohai's `^(\w+)(\d+.*)`: the name split before the last digit of its leading word (`enp0s3` is
    /// `enp0s` and `3`, `eth0.100` is `eth` and `0.100`).
    static func typeAndNumber(_ name: String) -> (String, String)? {
        let characters = Array(name)
        guard let first = characters.first, isWord(first) else { return nil }
        // The longest word prefix that is followed by a digit.
        let wordEnd = characters.firstIndex { !isWord($0) } ?? characters.count
        var split = wordEnd - 1
        while split > 0 && !OhaiText.isDigit(characters[split]) { split -= 1 }
        guard split > 0 && OhaiText.isDigit(characters[split]) else { return nil }
        return (String(characters[..<split]), String(characters[split...]))
    }

    /// ohai reads the link type from `link/(\w+) ([\da-f:]+) `, so only word-like names count.
    static func isLinkTypeWord(_ type: String) -> Bool {
        !type.isEmpty && type.allSatisfy(isWord) && !type.allSatisfy(OhaiText.isDigit)
    }

    static func isWord(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_")
    }

    static func scopeName(_ scope: String) -> String {
        scope == "host" ? "Node" : scope.prefix(1).uppercased() + scope.dropFirst()
    }

    /// ohai's `find_ip_and_mac`: walks the addresses in order, taking an IPv4 address (on the gateway's
    /// network when one is given) and the MAC, and stops once it has both.
    static func addressAndMAC(_ addresses: OhaiObject, matching gateway: String?) -> (String?, String?) {
        var ip: String?
        var mac: String?
        for key in addresses.keys {
            guard case .object(let value)? = addresses[key] else { continue }
            let family = value["family"]?.string
            if family == "inet" {
                if let gateway {
                    if let peer = value["peer"]?.string {
                        if peer == gateway { ip = key }
                    } else if let prefix = value["prefixlen"]?.string.flatMap({ Int($0) }), sameNetwork(key, gateway, prefix: prefix) {
                        ip = key
                    }
                } else {
                    ip = key
                }
            }
            if family == "lladdr" { mac = key }
            if ip != nil && mac != nil { break }
        }
        return (ip, mac)
    }

    static func sameNetwork(_ a: String, _ b: String, prefix: Int) -> Bool {
        guard let x = IPv4.parse(a), let y = IPv4.parse(b), let mask = IPv4.mask(prefix) else { return false }
        return x & mask == y & mask
    }
}
