/// Names for the numbers the kernel reports about links, addresses and routes, as `ip` prints them.
enum NetworkNames {
    /// `type` of `class/net/X`: ARPHRD_* of linux/if_arp.h.
    static func linkType(_ code: Int64) -> String {
        switch code {
        case 1: return "ether"
        case 24: return "ieee1394"
        case 32: return "infiniband"
        case 280: return "can"
        case 512: return "ppp"
        case 768: return "ipip"
        case 769: return "tunnel6"
        case 772: return "loopback"
        case 776: return "sit"
        case 778: return "gre"
        case 801: return "ieee802.11"
        case 803: return "ieee802.11/radiotap"
        case 804: return "ieee802.15.4"
        case 823: return "ip6gre"
        case 65534: return "none"
        default: return "\(code)"
        }
    }

    /// `addr_assign_type`: NET_ADDR_* of linux/netdevice.h.
    static func addressAssignType(_ code: Int64) -> String {
        switch code {
        case 0: return "permanent"
        case 1: return "random"
        case 2: return "stolen"
        case 3: return "set"
        default: return "\(code)"
        }
    }

    /// `ifa_scope` / `rtm_scope`: RT_SCOPE_* of linux/rtnetlink.h.
    static func scope(_ code: UInt8) -> String {
        switch code {
        case 0: return "global"
        case 200: return "site"
        case 253: return "link"
        case 254: return "host"
        case 255: return "nowhere"
        default: return "\(code)"
        }
    }

    /// `rtm_protocol`: RTPROT_* of linux/rtnetlink.h.
    static func routeProtocol(_ code: UInt8) -> String {
        switch code {
        case 0: return "unspec"
        case 1: return "redirect"
        case 2: return "kernel"
        case 3: return "boot"
        case 4: return "static"
        case 9: return "ra"
        case 11: return "zebra"
        case 12: return "bird"
        case 16: return "dhcp"
        case 186: return "bgp"
        case 188: return "ospf"
        default: return "\(code)"
        }
    }

    /// IFA_F_* of linux/if_addr.h; bit 0 is `secondary` for IPv4 and `temporary` for IPv6.
    static func addressFlags(_ flags: UInt32, family: UInt8) -> [String] {
        let names: [(UInt32, String)] = [
            (0x01, family == IPAddressText.inet6 ? "temporary" : "secondary"), (0x02, "nodad"), (0x04, "optimistic"),
            (0x08, "dadfailed"), (0x10, "homeaddress"), (0x20, "deprecated"), (0x40, "tentative"),
            (0x80, "permanent"), (0x100, "mngtmpaddr"), (0x200, "noprefixroute"), (0x400, "autojoin"),
            (0x800, "stable-privacy"),
        ]
        return names.filter { flags & $0.0 != 0 }.map(\.1)
    }
}
