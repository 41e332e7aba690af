/// Turns `HardwareInputs` into the lshw-shaped tree: system → core → firmware, processors, memory, PCI host
/// bridges → bridges → devices → disks/interfaces/USB devices. Pure: no I/O.
///
/// The node ids, classes, descriptions, handles, bus addresses and physical ids follow lshw B.02.19
/// (`src/core/{dmi,pci,scsi,nvme,virtio,usb,network,partitions}.cc`), so RackHD's lshw catalog consumers
/// find the same keys; the values come from sysfs, SMBIOS and the name database instead of ioctls.
public struct HardwareTreeBuilder {
    public let inputs: HardwareInputs

    public init(_ inputs: HardwareInputs) {
        self.inputs = inputs
    }

    /// Nodes already placed, for hanging later devices under them.
    final class Index {
        var pci: [String: TreeNode] = [:]
        /// PCI bus handle (`0000:00`) → the node whose children sit on that bus.
        var buses: [String: TreeNode] = [:]
        var usb: [String: TreeNode] = [:]
        var virtio: [String: TreeNode] = [:]
        var scsiHosts: [Int: TreeNode] = [:]
    }

    public func build() -> HardwareNode {
        let system = systemNode()
        let core = system.add(coreNode())
        let index = Index()
        addFirmware(to: core)
        addProcessors(to: core)
        addMemory(to: core)
        addPCI(to: core, index: index)
        addVirtio(to: core, index: index)
        addUSB(to: core, index: index)
        addStorage(to: core, index: index)
        addNetwork(index: index)
        return system.finish()
    }

    // MARK: system and core

    func systemNode() -> TreeNode {
        let node = TreeNode(HardwareNode.cleanID(inputs.hostname ?? "computer").nonEmpty ?? "computer", "system")
        node.node.claimed = true
        let dmi = inputs.dmi
        let chassis = dmi?.chassis.first?.type.flatMap(Self.chassisNames)
        node.node.description = chassis?.description ?? "Computer"
        let system = dmi?.system
        let sku = system?.skuNumber
        if let product = system?.productName {
            node.node.product = sku.map { "\(product) (\($0))" } ?? product
        } else if let sku {
            node.node.product = "(\(sku))"
        }
        node.node.vendor = system?.manufacturer
        node.node.version = system?.version
        node.node.serial = system?.serialNumber
        node.node.width = Self.wordSize
        node.set("boot", dmi?.systemBoot.map { Self.bootStatus($0.status) })
        node.set("chassis", chassis?.short)
        node.set("family", system?.family)
        node.set("sku", sku)
        node.set("uuid", system?.uuid)
        if let version = dmi?.smbiosVersion {
            node.capability("smbios-\(version)", "SMBIOS version \(version)")
            node.capability("dmi-\(version)", "DMI version \(version)")
        }
        if let count = inputs.cpuCount, count > 1 { node.capability("smp", "Symmetric Multi-Processing") }
        #if arch(x86_64)
        node.capability("vsyscall32", "32-bit processes")
        #endif
        return node
    }

    func coreNode() -> TreeNode {
        let node = TreeNode("core", "bus")
        node.node.claimed = true
        node.node.description = "Motherboard"
        node.node.physid = "0"
        if let board = inputs.dmi?.baseboards.first {
            node.node.handle = Self.dmiHandle(board.handle)
            node.node.product = board.productName
            node.node.vendor = board.manufacturer
            node.node.version = board.version
            node.node.serial = board.serialNumber
            node.node.slot = board.locationInChassis
        }
        return node
    }

    #if arch(x86_64) || arch(arm64) || arch(powerpc64le) || arch(s390x) || arch(riscv64)
    static let wordSize = 64
    #else
    static let wordSize = 32
    #endif

    static func dmiHandle(_ handle: UInt16) -> String {
        "DMI:" + HexText.upper(UInt64(handle), digits: 4)
    }

    static func bootStatus(_ status: String) -> String {
        status == "No errors detected" ? "normal" : status
    }

    /// lshw's short name (`configuration.chassis`) and description (the system's) per SMBIOS chassis type.
    static func chassisNames(_ type: String) -> (short: String, description: String)? {
        let table: [String: (String, String)] = [
            "Other": ("other", "Computer"), "Unknown": ("unknown", "Computer"),
            "Desktop": ("desktop", "Desktop Computer"), "Low Profile Desktop": ("low-profile", "Low Profile Desktop Computer"),
            "Pizza Box": ("pizzabox", "Pizza Box Computer"), "Mini Tower": ("mini-tower", "Mini Tower Computer"),
            "Tower": ("tower", "Tower Computer"), "Portable": ("portable", "Portable Computer"), "Laptop": ("laptop", "Laptop"),
            "Notebook": ("notebook", "Notebook"), "Hand Held": ("handheld", "Hand Held Computer"),
            "Docking Station": ("docking", "Docking Station"), "All In One": ("all-in-one", "All In One"),
            "Sub Notebook": ("sub-notebook", "Sub Notebook"), "Space-saving": ("space-saving", "Space-saving Computer"),
            "Lunch Box": ("lunchbox", "Lunch Box Computer"), "Main Server Chassis": ("server", "System"),
            "Expansion Chassis": ("expansion", "Expansion Chassis"), "Sub Chassis": ("sub", "Sub Chassis"),
            "Bus Expansion Chassis": ("bus-expansion", "Bus Expansion Chassis"),
            "Peripheral Chassis": ("peripheral", "Peripheral Chassis"), "RAID Chassis": ("raid", "RAID Chassis"),
            "Rack Mount Chassis": ("rackmount", "Rack Mount Chassis"), "Sealed-case PC": ("sealed", "Sealed-case PC"),
            "Multi-system": ("multi-system", "Multi-system"), "CompactPCI": ("pci", "Compact PCI"),
            "AdvancedTCA": ("pci", "Advanced TCA"), "Blade": ("blade", "Blade"), "Blade Enclosing": ("enclosure", "Blade enclosure"),
            "Tablet": ("tablet", "Tablet"), "Convertible": ("convertible", "Convertible"), "Detachable": ("detachable", "Detachable"),
            "IoT Gateway": ("iot-gateway", "IoT Gateway"), "Embedded PC": ("embedded", "Embedded PC"),
            "Mini PC": ("mini", "Mini PC"), "Stick PC": ("stick", "Stick PC"),
        ]
        return table[type].map { (short: $0.0, description: $0.1) }
    }

    /// lshw's decimal size prefixes for link speeds: 1000 → `1Gbit/s`.
    static func bitRate(_ bitsPerSecond: UInt64) -> String {
        var value = bitsPerSecond
        var index = 0
        let prefixes = ["", "k", "M", "G", "T"]
        while value >= 1000 && value % 1000 == 0 && index < prefixes.count - 1 {
            value /= 1000
            index += 1
        }
        return "\(value)\(prefixes[index])bit/s"
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
