/// One interface of `class/net` under the sys root, with its addresses when they could be read.
public struct NetworkInterface: Sendable, Equatable, Codable {
    public var name: String
    /// `ifindex`.
    public var index: Int?
    /// `address`; absent for interfaces without a link-layer address (tunnels of type `none`).
    public var macAddress: String?
    /// The address burnt into the device. sysfs has no attribute for it (ethtool's ETHTOOL_GPERMADDR,
    /// not queried here, is the only general source): it is known when the interface is enslaved to a
    /// bond (`bonding_slave/perm_hwaddr`), or when `addr_assign_type` says the current address is the
    /// permanent one. `permanent_mac_source` says which.
    public var permanentMacAddress: String?
    public var permanentMacSource: String?
    /// `addr_assign_type`: `permanent`, `random`, `stolen`, `set`.
    public var addressAssignType: String?
    /// `type` (ARPHRD): `ether`, `loopback`, `infiniband`, `none`, ...
    public var linkType: String?
    /// `DEVTYPE` of `uevent`: `bond`, `bridge`, `vlan`, `wlan`, `wwan`, ...; absent for plain devices.
    public var kind: String?
    public var mtu: Int?
    /// `operstate`: `up`, `down`, `lowerlayerdown`, `dormant`, `unknown`, ...
    public var operstate: String?
    /// Link detected; absent when the interface is administratively down (the kernel will not say).
    public var carrier: Bool?
    /// Negotiated speed in bits per second; absent when unknown or the link is down.
    public var speedBps: UInt64?
    /// `full` or `half`; absent when unknown.
    public var duplex: String?
    /// The driver bound to the device (`device/driver`).
    public var driver: String?
    /// The kernel module providing the driver (`device/driver/module`); absent for built-in drivers.
    public var driverModule: String?
    /// `module/<module>/version`, which only some drivers publish.
    public var driverVersion: String?
    /// The bus the device sits on (`device/subsystem`): `pci`, `usb`, `virtio`, `vmbus`, `platform`, ...
    public var bus: String?
    /// The device's name on that bus: `0000:03:00.0` (PCI), `2-1:1.0` (USB interface), `virtio2`.
    public var busAddress: String?
    /// The PCI function the device is, or sits under (a virtio device's PCI transport).
    public var pciAddress: String?
    /// Where the interface lives in sysfs, relative to the sys root (`devices/pci0000:00/.../net/eth0`).
    public var sysfsPath: String?
    /// A software interface (loopback, bridge, bond, veth, vlan, tunnel): no device behind it.
    public var virtual: Bool
    /// The bond or bridge this interface is enslaved to (`master`).
    public var master: String?
    /// Bonds: the mode (`balance-rr`, `active-backup`, `802.3ad`, ...) and the enslaved interfaces.
    public var bondMode: String?
    public var bondSlaves: [String]?
    /// Bridges: the ports (`brif`).
    public var bridgePorts: [String]?
    /// VLANs: the tag and the interface the VLAN sits on (`/proc/net/vlan/config`, else `lower_*`).
    public var vlanId: Int?
    public var vlanParent: String?
    /// Stacked-device links (`lower_*`, `upper_*`): what this interface sits on and what sits on it.
    public var lowerInterfaces: [String]?
    public var upperInterfaces: [String]?
    /// SR-IOV physical functions: VFs supported and enabled.
    public var sriovTotalVfs: Int?
    public var sriovNumVfs: Int?
    /// SR-IOV virtual functions: the PCI address of the physical function (`device/physfn`).
    public var sriovPhysicalFunction: String?
    /// IPv4 and IPv6 addresses; absent when addresses were not collected (see `network.addresses_source`).
    public var addresses: [InterfaceAddress]?

    public init(name: String) {
        self.name = name
        virtual = false
    }
}
