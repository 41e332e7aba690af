/// The little the hardware tree needs about network interfaces that belong to a device (`SYS/class/net/*`
/// with a `device` link): which device, the MAC address, the driver, and link state from sysfs. Addresses,
/// ethtool settings and virtual interfaces are the network collector's business.
public struct NetworkInterfaceProbe {
    public struct Interface: Sendable, Equatable {
        public var name: String
        /// Resolved sysfs path of the interface (`devices/pci0000:00/0000:00:03.0/virtio2/net/eth0`).
        public var path: String
        public var mac: String?
        public var driver: String?
        /// `SYS/class/net/X/flags` (IFF_UP 0x1, IFF_BROADCAST 0x2, IFF_MULTICAST 0x1000).
        public var flags: UInt64?
        public var carrier: Bool?
        /// Mbit/s; absent when the link is down or the driver does not say.
        public var speedMbps: Int?
        public var duplex: String?
        /// ARPHRD type (1 Ethernet, 32 InfiniBand).
        public var type: Int?

        /// The device directory the interface hangs off (`devices/pci0000:00/0000:00:03.0/virtio2`).
        public var devicePath: String {
            guard let slash = path.lastIndex(of: "/"), let netSlash = path[..<slash].lastIndex(of: "/"),
                  path[path.index(after: netSlash)..<slash] == "net"
            else { return path }
            return String(path[..<netSlash])
        }
    }

    public let files: HostFiles

    public init(files: HostFiles) {
        self.files = files
    }

    public func interfaces() -> [Interface] {
        guard let names = try? files.list(.sys, "class/net") else { return [] }
        return names.compactMap { name in
            let base = "class/net/" + name
            guard files.exists(.sys, base + "/device"), let path = files.resolved(.sys, base) else { return nil }
            func attribute(_ relative: String) -> String? {
                (try? files.text(.sys, base + "/" + relative)).map { $0.trimmed() }.flatMap { $0.isEmpty ? nil : $0 }
            }
            var interface = Interface(name: name, path: path)
            interface.mac = attribute("address")
            interface.driver = (try? files.linkTarget(.sys, base + "/device/driver")).flatMap(PCISysfsValue.lastComponent)
            interface.flags = attribute("flags").flatMap(HexText.parse)
            interface.carrier = attribute("carrier").map { $0 == "1" }
            interface.speedMbps = attribute("speed").flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
            interface.duplex = attribute("duplex").flatMap { $0 == "unknown" ? nil : $0 }
            interface.type = attribute("type").flatMap { Int($0) }
            return interface
        }
    }
}
