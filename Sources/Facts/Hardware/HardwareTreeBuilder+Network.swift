/// Network interfaces merged into the node of the device they belong to (a PCI function, a virtio device,
/// a USB device), as lshw's network.cc does: the node becomes an "Ethernet interface" with the interface
/// name and MAC address.
extension HardwareTreeBuilder {
    func addNetwork(index: Index) {
        for interface in inputs.network {
            let parts = interface.devicePath.split(separator: "/")
            guard let last = parts.last else { continue }
            let name = String(last)
            let node = index.virtio[name] ?? index.pci[name] ?? index.usb[name]
            guard let node else { continue }
            node.node.claimed = true
            node.node.class = "network"
            node.node.description = interface.type == 32 ? "InfiniBand interface" : "Ethernet interface"
            node.addLogicalNames([interface.name])
            node.node.serial = interface.mac
            if let flags = interface.flags {
                node.set("broadcast", flags & 0x2 != 0 ? "yes" : nil)
                node.set("multicast", flags & 0x1000 != 0 ? "yes" : nil)
                if flags & 0x1 == 0 { node.node.disabled = true }
            }
            node.set("driver", interface.driver)
            node.set("link", interface.carrier.map { $0 ? "yes" : "no" })
            if let speed = interface.speedMbps {
                let bits = UInt64(speed) * 1_000_000
                node.node.size = bits
                node.set("speed", Self.bitRate(bits))
            }
            node.set("duplex", interface.duplex)
            if interface.type == 1 { node.capability("ethernet") }
            node.capability("physical", "Physical interface")
        }
    }
}
