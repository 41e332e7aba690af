/// lscpu's default output as (field, data) lines, in its order and with its wording (util-linux 2.38,
/// output not to a terminal: no section headers, no tree).
public enum LscpuSummary {
    public struct Line: Sendable, Equatable {
        /// `Model name:`.
        public var field: String
        /// nil prints as an empty value (`null` in JSON).
        public var data: String?

        public init(_ field: String, _ data: String?) {
            self.field = field
            self.data = data
        }
    }

    /// - Parameter hostMachine: printed as the architecture when the inventory does not know it (lscpu
    ///   prints the running machine's even for a dump).
    public static func lines(_ inventory: CPUInventory, hostMachine: String?) -> [Line] {
        var out: [Line] = []
        if let architecture = inventory.architecture ?? hostMachine { out.append(Line("Architecture:", architecture)) }
        if inventory.supports32Bit || inventory.supports64Bit {
            let modes = (inventory.supports32Bit ? ["32-bit"] : []) + (inventory.supports64Bit ? ["64-bit"] : [])
            out.append(Line("CPU op-mode(s):", modes.joined(separator: ", ")))
        }
        if let sizes = inventory.defaultType?.addressSizes { out.append(Line("Address sizes:", sizes)) }
        out.append(Line("Byte Order:", inventory.bigEndian ?? hostIsBigEndian ? "Big Endian" : "Little Endian"))

        let presentCount = inventory.present?.count ?? 0
        out.append(Line("CPU(s):", String(presentCount)))
        if let online = inventory.online {
            out.append(Line("On-line CPU(s) list:", listOrNil(online)))
            if online.count != presentCount {
                let offline = inventory.cpus.filter { inventory.isPresent($0) && !inventory.isOnline($0) }.map(\.id)
                out.append(Line("Off-line CPU(s) list:", listOrNil(CPUSet(offline))))
            }
        }

        if let vendor = inventory.defaultType?.vendor { out.append(Line("Vendor ID:", vendor)) }
        if let vendor = inventory.biosProcessor?.vendor { out.append(Line("BIOS Vendor ID:", vendor)) }
        for index in inventory.types.indices { out += typeLines(inventory, index) }

        let virt = inventory.virtualization
        if let feature = virt.featureName { out.append(Line("Virtualization:", feature)) }
        if let hypervisor = virt.hypervisor { out.append(Line("Hypervisor:", hypervisor)) }
        if let vendor = virt.vendor {
            out.append(Line("Hypervisor vendor:", vendor.rawValue))
            out.append(Line("Virtualization type:", (virt.type ?? .none).rawValue))
        }

        for name in inventory.cacheNames {
            let total = inventory.cacheTotal(name)
            guard total.bytes > 0 else { continue }
            let plural = total.instances == 1 ? "instance" : "instances"
            out.append(Line("\(name) cache:", "\(CFormat.humanSize(total.bytes)) (\(total.instances) \(plural))"))
        }
        for cache in inventory.sharedCaches where cache.sizeBytes > 0 {
            out.append(Line("\(cache.name) cache:", CFormat.humanSize(cache.sizeBytes)))
        }

        if !inventory.nodes.isEmpty {
            out.append(Line("NUMA node(s):", String(inventory.nodes.count)))
            for node in inventory.nodes { out.append(Line("NUMA node\(node.id) CPU(s):", listOrNil(node.cpus))) }
        }

        for vulnerability in inventory.vulnerabilities {
            out.append(Line("Vulnerability \(vulnerability.name):", vulnerability.lscpuText))
        }
        return out
    }

    static func typeLines(_ inventory: CPUInventory, _ index: Int) -> [Line] {
        let type = inventory.types[index]
        var out: [Line] = []
        out.append(Line("Model name:", type.modelName ?? "-"))
        if let bios = inventory.biosProcessor {
            out.append(Line("BIOS Model name:", bios.modelName))
            out.append(Line("BIOS CPU family:", String(bios.family)))
        }
        if let machineType = type.machineType { out.append(Line("Machine type:", machineType)) }
        if let family = type.family { out.append(Line("CPU family:", family)) }
        if let model = type.revision ?? type.model { out.append(Line("Model:", model)) }
        out.append(Line("Thread(s) per core:", String(type.threadsPerCore)))
        out.append(Line("Core(s) per socket:", String(type.coresPerSocket)))
        let levels = LscpuLevels(type)
        if let sockets = levels.sockets { out.append(Line("Socket(s):", String(sockets))) }
        if let socketsPerBook = levels.socketsPerBook { out.append(Line("Socket(s) per book:", String(socketsPerBook))) }
        if let booksPerDrawer = levels.booksPerDrawer { out.append(Line("Book(s) per drawer:", String(booksPerDrawer))) }
        if let drawers = levels.drawers { out.append(Line("Drawer(s):", String(drawers))) }
        if let books = levels.books { out.append(Line("Book(s):", String(books))) }
        if let stepping = type.stepping { out.append(Line("Stepping:", stepping)) }
        if let boost = type.frequencyBoost { out.append(Line("Frequency boost:", boost ? "enabled" : "disabled")) }
        if let mhz = type.dynamicMHz { out.append(Line("CPU dynamic MHz:", mhz)) }
        if let mhz = type.staticMHz { out.append(Line("CPU static MHz:", mhz)) }
        if type.hasFrequency {
            let scaling = inventory.scalingPercent(type: index)
            if scaling > 0 { out.append(Line("CPU(s) scaling MHz:", CFormat.string("%.0f%%", Double(scaling)))) }
            out.append(Line("CPU max MHz:", CFormat.string("%.4f", Double(inventory.maxMHz(type: index)))))
            out.append(Line("CPU min MHz:", CFormat.string("%.4f", Double(inventory.minMHz(type: index)))))
        }
        if let bogomips = type.bogomips { out.append(Line("BogoMIPS:", bogomips)) }
        if let dispatching = type.dispatching {
            out.append(Line("Dispatching mode:", dispatching == 0 ? "horizontal" : "vertical"))
        }
        if let flags = type.flags { out.append(Line("Flags:", flags)) }
        return out
    }

    /// An empty set prints as an empty value, as lscpu's cpulist_create() leaves it.
    static func listOrNil(_ set: CPUSet) -> String? {
        set.isEmpty ? nil : set.listString
    }

    static var hostIsBigEndian: Bool {
        #if _endian(big)
        return true
        #else
        return false
        #endif
    }
}
