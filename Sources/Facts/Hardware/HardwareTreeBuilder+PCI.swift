/// PCI host bridges, bridges and functions, as lshw's pci.cc shapes them.
extension HardwareTreeBuilder {
    func addPCI(to core: TreeNode, index: Index) {
        var nodes: [(PCIReader.Function, TreeNode)] = []
        for function in inputs.pci {
            let node = pciNode(function)
            index.pci[function.address.description] = node
            nodes.append((function, node))
            let domain = HexText.lower(UInt64(function.address.domain), digits: 4)
            if Self.isHostBridge(function) {
                index.buses["\(domain):\(HexText.lower(UInt64(function.address.bus), digits: 2))"] = node
            } else if let secondary = function.config?.secondaryBus {
                index.buses["\(domain):\(HexText.lower(UInt64(secondary), digits: 2))"] = node
            }
        }
        var hostBridges: [TreeNode] = []
        for (function, node) in nodes {
            if Self.isHostBridge(function) {
                hostBridges.append(node)
                core.add(node)
                continue
            }
            let parent: TreeNode
            if let upstream = function.device.parentAddress, let bridge = index.pci[upstream] {
                parent = bridge
            } else {
                let domain = HexText.lower(UInt64(function.address.domain), digits: 4)
                let bus = HexText.lower(UInt64(function.address.bus), digits: 2)
                parent = index.buses["\(domain):\(bus)"].flatMap { $0 === node ? nil : $0 } ?? core
            }
            parent.add(node)
        }
        // lshw gives up a physical id two host bridges share (they would be the same path).
        for node in hostBridges where hostBridges.filter({ $0.node.physid == node.node.physid }).count > 1 {
            node.node.physid = nil
        }
    }

    static func isHostBridge(_ function: PCIReader.Function) -> Bool {
        function.classCode.base == 0x06 && function.classCode.sub == 0x00
    }

    func pciNode(_ function: PCIReader.Function) -> TreeNode {
        let device = function.device
        let code = UInt16(function.classCode.base) << 8 | UInt16(function.classCode.sub)
        let hostBridge = Self.isHostBridge(function)
        let name = hostBridge ? "pci" : Self.pciClassName(code)
        let node = TreeNode(name, Self.pciNodeClass(function.classCode.base))
        let address = function.address
        let domain = HexText.lower(UInt64(address.domain), digits: 4)
        // lshw names a function by its subclass, or its class when the subclass has no name.
        let description = device.subclassName ?? device.className
        let progIf = device.progIfName
        node.node.description = description
        // lshw names a device it does not know by its vendor (its best pci.ids match).
        node.node.product = device.deviceName ?? device.vendorName
        node.node.vendor = device.vendorName
        node.node.businfo = "pci@" + address.description
        node.node.version = device.revision
        if let config = function.config {
            node.node.width = function.memory64Bit == true ? 64 : 32
            node.node.clock = config.is66MHz ? 66_000_000 : 33_000_000
        }
        if hostBridge {
            node.node.handle = "PCIBUS:\(domain):\(HexText.lower(UInt64(address.bus), digits: 2))"
            node.node.physid = String(0x100 + Int(address.domain), radix: 16)
            node.node.claimed = true
            if let latency = function.config?.latencyTimer, latency != 0 { node.set("latency", String(latency)) }
            if let progIf, progIf != description {
                node.capability(progIf)
                node.node.description = (description ?? "") + " (\(progIf))"
            }
        } else {
            node.node.physid = address.function == 0
                ? String(address.device, radix: 16) : "\(String(address.device, radix: 16)).\(address.function)"
            if node.node.class == "bridge" || node.node.class == "storage" { node.capability(name) }
            if let secondary = function.config?.secondaryBus, code == 0x0604 {
                node.node.handle = "PCIBUS:\(domain):\(HexText.lower(UInt64(secondary), digits: 2))"
                node.node.claimed = true
            } else {
                node.node.handle = "PCI:\(address.description)"
                if let config = function.config {
                    node.set("latency", String(config.headerType == 1 ? config.secondaryLatencyTimer : config.latencyTimer))
                }
            }
            if ["isa", "pci", "agp"].contains(name) { node.node.claimed = true }
            for capability in function.capabilityIDs {
                if let (id, text) = Self.pciCapability(capability) { node.capability(id, text) }
            }
            if function.classCode.base == 0x01 && function.classCode.sub == 0x01 {
                // IDE programming interfaces are long; lshw reduces them to two modes.
                switch function.classCode.interface {
                case 0x00, 0x80: node.capability("isa_compat_mode", "ISA compatibility mode")
                case 0x05, 0x85: node.capability("pci_native_mode", "PCI native mode")
                case 0x0A, 0x0F, 0x8A, 0x8F:
                    node.capability("isa_compat_mode", "ISA compatibility mode")
                    node.capability("pci_native_mode", "PCI native mode")
                default: break
                }
            } else if let progIf, progIf != description {
                node.capability(progIf, Self.progIfDescriptions[HardwareNode.cleanID(progIf)])
            }
            if let config = function.config {
                if config.busMaster { node.capability("bus master", "bus mastering") }
                if config.vgaPaletteSnoop { node.capability("VGA palette", "VGA palette") }
                if config.hasCapabilityList { node.capability("cap list", "PCI capabilities listing") }
            }
        }
        if let driver = device.driver {
            node.set("driver", driver)
            node.set("module", device.module)
            node.node.claimed = true
        }
        return node
    }

    /// lshw's `get_class_name`: the node id of a function by class and subclass.
    static func pciClassName(_ code: UInt16) -> String {
        switch code {
        case 0x0001: return "display"
        case 0x0100: return "scsi"
        case 0x0101: return "ide"
        case 0x0104: return "raid"
        case 0x0106: return "sata"
        case 0x0107: return "sas"
        case 0x0108: return "nvme"
        case 0x0600: return "host"
        case 0x0601: return "isa"
        case 0x0602: return "eisa"
        case 0x0603: return "mc"
        case 0x0604: return "pci"
        case 0x0605, 0x0607: return "pcmcia"
        case 0x0606: return "nubus"
        case 0x0C00: return "firewire"
        case 0x0C03: return "usb"
        case 0x0C04: return "fiber"
        default: break
        }
        switch code >> 8 {
        case 0x01: return "storage"
        case 0x02: return "network"
        case 0x03: return "display"
        case 0x04: return "multimedia"
        case 0x05: return "memory"
        case 0x06: return "bridge"
        case 0x07: return "communication"
        case 0x08: return "generic"
        case 0x09: return "input"
        case 0x0A: return "docking"
        case 0x0B: return "processor"
        case 0x0C: return "serial"
        case 0x12: return "accelerator"
        default: return "generic"
        }
    }

    /// lshw's hardware class of a function by base class.
    static func pciNodeClass(_ base: UInt8) -> String {
        switch base {
        case 0x01: return "storage"
        case 0x02: return "network"
        case 0x03: return "display"
        case 0x04: return "multimedia"
        case 0x05: return "memory"
        case 0x06: return "bridge"
        case 0x07: return "communication"
        case 0x09: return "input"
        case 0x0B: return "processor"
        case 0x0C: return "bus"
        case 0x12: return "accelerator"
        default: return "generic"
        }
    }

    /// lshw's capability name and description per PCI capability id (a switch, not a dictionary keyed by
    /// `UInt8`: see `HostRootResolver.Origins`).
    static func pciCapability(_ id: UInt8) -> (String, String)? {
        switch id {
        case 0x01: return ("pm", "Power Management")
        case 0x02: return ("agp", "AGP")
        case 0x03: return ("vpd", "Vital Product Data")
        case 0x04: return ("slotid", "Slot Identification")
        case 0x05: return ("msi", "Message Signalled Interrupts")
        case 0x06: return ("hotswap", "Hot-swap")
        case 0x07: return ("pcix", "PCI-X")
        case 0x08: return ("ht", "HyperTransport")
        case 0x0A: return ("debug", "Debug port")
        case 0x0B: return ("ccrc", "CompactPCI Central Resource Control")
        case 0x0E: return ("agp8x", "AGP 8x")
        case 0x10: return ("pciexpress", "PCI Express")
        case 0x11: return ("msix", "MSI-X")
        default: return nil
        }
    }

    /// Programming interfaces lshw describes (`describeCapability`).
    static let progIfDescriptions: [String: String] = [
        "vga": "VGA graphical framebuffer", "pcmcia": "PC-Card (PCMCIA)", "generic": "Generic interface",
        "ohci": "Open Host Controller Interface", "uhci": "Universal Host Controller Interface (USB1)",
        "ehci": "Enhanced Host Controller Interface (USB2)",
    ]
}
