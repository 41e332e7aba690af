extension CPUInventory {
    /// Assembles the inventory in lscpu's order: CPU lists, cpuinfo types, architecture, extras of the
    /// default type, vulnerabilities, NUMA nodes, topology (with frequencies and caches), ARM names,
    /// virtualization.
    public init(_ sources: Sources) {
        self.init()
        let sysfs = sources.sysfs
        let probes = sources.probes
        live = probes.live
        biosProcessor = probes.biosProcessor
        maxCPUs = sysfs.kernelMax.map { min(max($0 + 1, 1), CPUSet.maximumCPUs) } ?? 2048
        possible = sysfs.possible ?? .empty
        present = sysfs.present
        online = sysfs.online
        cpus = possible.members.map { CPU(id: $0) }
        var index: [Int: Int] = [:]
        for (position, cpu) in cpus.enumerated() { index[cpu.id] = position }

        // cpuinfo: types, and the type and per-CPU values of each possible CPU it lists.
        if let info = sources.cpuinfo {
            types = info.types.map(CPUType.init)
            sharedCaches = info.sharedCaches.sorted { $0.name < $1.name }
            for (id, processor) in info.processors {
                guard let position = index[id] else { continue }
                cpus[position].typeIndex = processor.typeIndex
                cpus[position].bogomips = processor.bogomips
                if let mhz = processor.mhz {
                    cpus[position].cpuinfoMHz = mhz.cDoubleValue
                    cpus[position].currentMHz = Float(mhz.cDoubleValue)
                }
            }
        }
        if !types.isEmpty {
            for position in cpus.indices where cpus[position].typeIndex == nil { cpus[position].typeIndex = 0 }
        }

        readArchitecture(probes)

        if !types.isEmpty {
            types[0].dispatching = sysfs.dispatching.flatMap { (0...1).contains($0) ? $0 : nil }
            types[0].frequencyBoost = sysfs.frequencyBoost.map { $0 != 0 }
            types[0].machineType = probes.sysinfo?.machineType
        }

        vulnerabilities = sysfs.vulnerabilities.compactMap { file in
            guard !file.text.isEmpty else { return nil }
            var name = String(file.file.map { $0 == "_" ? " " : $0 })
            if let first = name.first { name = first.uppercased() + name.dropFirst() }
            return Vulnerability(file: file.file, name: name, text: file.text)
        }.sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }

        nodes = sysfs.nodes.sorted { $0.id < $1.id }.map { Node(id: $0.id, cpus: $0.cpus ?? .empty) }

        for type in types.indices { readTopology(type: type, sysfs: sysfs, sysinfo: probes.sysinfo) }
        for position in cpus.indices where cpus[position].typeIndex != nil {
            guard let processor = sysfs.processors[cpus[position].id] else { continue }
            readCPU(position, processor)
            addCaches(of: position, processor)
        }
        caches = caches.enumerated().sorted {
            $0.element.name == $1.element.name ? $0.offset < $1.offset
                : Array($0.element.name.utf8).lexicographicallyPrecedes(Array($1.element.name.utf8))
        }.map(\.element)

        for type in types.indices { ARMCPUTable.decode(&types[type]) }

        virtualization = CPUVirtualization.detect(
            flags: defaultType?.flags, modelName: defaultType?.modelName, probes: probes)
    }

    /// 32/64-bit support and the architecture name. From a dump only the CPU flags count, as with
    /// `lscpu --sysroot`; on the running machine the build target adds what the flags cannot say.
    mutating func readArchitecture(_ probes: CPUHostProbes) {
        if live {
            architecture = probes.machine
            #if arch(x86_64) || arch(i386) || arch(s390x)
            supports32Bit = true
            #endif
            #if arch(arm64)
            supports64Bit = true
            #endif
            if probes.machine == "ppc64" {
                supports32Bit = true
                supports64Bit = true
            } else if probes.machine == "ppc" {
                supports32Bit = true
            }
        }
        let flags = Set((defaultType?.flags ?? "").split(separator: " ").map(String.init))
        if flags.contains("lm") || flags.contains("zarch") || flags.contains("sun4v") || flags.contains("sun4u") {
            supports32Bit = true
            supports64Bit = true
        }
        if !live { architecture = inferredArchitecture(flags: flags) }
        bigEndian = Self.bigEndian(architecture: architecture, live: live)
    }

    /// What a dump's cpuinfo says about the machine it came from.
    func inferredArchitecture(flags: Set<String>) -> String? {
        guard let type = defaultType else { return nil }
        if type.vendor == "IBM/S390" { return flags.contains("zarch") ? "s390x" : "s390" }
        if flags.contains("sun4u") || flags.contains("sun4v") { return "sparc64" }
        if type.vendor.flatMap(ARMCPUTable.parseID) != nil || flags.contains("asimd") {
            return flags.contains("asimd") || flags.contains("fp") && flags.contains("cpuid") ? "aarch64" : "arm"
        }
        if let name = type.modelName, name.hasPrefix("POWER") || type.revision?.contains("pvr") == true {
            return name.hasPrefix("POWER") ? "ppc64" : "ppc"
        }
        if flags.contains("cpucfg") { return "loongarch64" }
        if ["GenuineIntel", "AuthenticAMD", "HygonGenuine", "CentaurHauls", "  Shanghai  "].contains(type.vendor ?? "")
            || flags.contains("fpu") && flags.contains("tsc") {
            return flags.contains("lm") ? "x86_64" : "i686"
        }
        return nil
    }

    static func bigEndian(architecture: String?, live: Bool) -> Bool? {
        if live {
            #if _endian(big)
            return true
            #else
            return false
            #endif
        }
        guard let architecture else { return nil }
        if architecture.hasPrefix("s390") || architecture.hasPrefix("sparc") { return true }
        if ["x86_64", "i686", "aarch64", "arm", "loongarch64", "riscv64"].contains(architecture) { return false }
        return nil
    }

    /// Counts the distinct topology masks of a type's CPUs; s390 takes the per-level counts from
    /// sysinfo's `CPU Topology SW` instead, as its sysfs masks describe virtual CPUs.
    mutating func readTopology(type: Int, sysfs: CPUSysfs, sysinfo: S390Sysinfo?) {
        var threads = 0
        var coreMaps: [CPUSet] = [], socketMaps: [CPUSet] = [], bookMaps: [CPUSet] = [], drawerMaps: [CPUSet] = []
        for cpu in cpus where cpu.typeIndex == type {
            guard let processor = sysfs.processors[cpu.id], let threadSiblings = processor.threadSiblings else { continue }
            threads = max(threads, max(threadSiblings.count, 1))
            if !coreMaps.contains(threadSiblings) { coreMaps.append(threadSiblings) }
            if let map = processor.coreSiblings, !socketMaps.contains(map) { socketMaps.append(map) }
            if let map = processor.bookSiblings, !bookMaps.contains(map) { bookMaps.append(map) }
            if let map = processor.drawerSiblings, !drawerMaps.contains(map) { drawerMaps.append(map) }
        }
        var t = types[type]
        t.coreMaps = coreMaps
        t.socketMaps = socketMaps
        t.bookMaps = bookMaps
        t.drawerMaps = drawerMaps
        t.cores = coreMaps.count
        t.sockets = socketMaps.count
        t.books = bookMaps.count
        t.drawers = drawerMaps.count
        t.threadsPerCore = threads
        if let text = t.maxThreadID, let mtid = UInt64(text.trimmingWhitespace), mtid < UInt64(Int.max) {
            t.threadsPerCore = Int(mtid) + 1
        }
        if let topology = sysinfo?.topology {
            t.drawersPerSystem = topology.drawers
            t.booksPerDrawer = topology.booksPerDrawer
            t.socketsPerBook = topology.socketsPerBook
            t.coresPerSocket = topology.coresPerSocket
        } else {
            t.coresPerSocket = t.sockets > 0 ? t.cores / t.sockets : 0
            t.socketsPerBook = t.books > 0 ? t.sockets / t.books : 0
            t.booksPerDrawer = t.drawers > 0 ? t.books / t.drawers : 0
            t.drawersPerSystem = t.drawers
        }
        types[type] = t
    }

    /// IDs, s390 extras and frequencies of one CPU.
    mutating func readCPU(_ position: Int, _ processor: CPUSysfs.Processor) {
        var cpu = cpus[position]
        if processor.hasTopology {
            // The kernel writes -1 where it knows no ID (no package on some POWER guests).
            let known: (Int?) -> Int? = { $0.flatMap { $0 >= 0 ? $0 : nil } }
            cpu.coreID = known(processor.coreID)
            cpu.socketID = known(processor.socketID)
            cpu.bookID = known(processor.bookID)
            cpu.drawerID = known(processor.drawerID)
        }
        cpu.polarization = processor.polarization
        cpu.address = processor.address
        cpu.configured = processor.configured
        cpu.maxKHz = processor.maxKHz
        cpu.minKHz = processor.minKHz
        cpu.currentKHz = processor.currentKHz
        if let khz = processor.maxKHz { cpu.maxMHz = Float(Int32(truncatingIfNeeded: khz)) / 1000 }
        if let khz = processor.minKHz { cpu.minMHz = Float(Int32(truncatingIfNeeded: khz)) / 1000 }
        // cpufreq's scaling_cur_freq is steadier than cpuinfo's MHz, which follows APERF/MPERF.
        if let khz = processor.currentKHz { cpu.currentMHz = Float(Int32(truncatingIfNeeded: khz)) / 1000 }
        if let type = cpu.typeIndex, cpu.minMHz != 0 || cpu.maxMHz != 0 { types[type].hasFrequency = true }
        cpus[position] = cpu
    }

    /// Adds a CPU's caches: instances are told apart by type, level and id; where the kernel publishes
    /// no id, the instance whose shared map holds the CPU is reused, else a new one is numbered.
    mutating func addCaches(of position: Int, _ processor: CPUSysfs.Processor) {
        let cpuID = cpus[position].id
        for index in processor.caches {
            guard let level = index.level, let type = index.type, !type.isEmpty else { continue }
            let id = index.id ?? cacheID(cpu: cpuID, type: type, level: level)
            var slot = caches.firstIndex { $0.id == id && $0.level == level && $0.type == type }
            if slot == nil {
                let letter = type == "Data" ? "d" : type == "Instruction" ? "i" : ""
                var cache = Cache(name: "L\(level)\(letter)", type: type, level: level, id: id)
                cache.sizeBytes = index.sizeBytes ?? 0
                cache.waysOfAssociativity = index.waysOfAssociativity
                cache.physicalLinePartition = index.physicalLinePartition
                cache.numberOfSets = index.numberOfSets
                cache.coherencyLineSize = index.coherencyLineSize
                cache.allocationPolicy = index.allocationPolicy
                cache.writePolicy = index.writePolicy
                caches.append(cache)
                slot = caches.count - 1
            }
            if caches[slot!].sharedCPUs == nil {
                caches[slot!].sharedCPUs = index.isPrivateByConvention ? CPUSet([cpuID]) : index.sharedCPUs
            }
        }
    }

    func cacheID(cpu: Int, type: String, level: Int) -> Int {
        var number = 0
        for cache in caches where cache.level == level && cache.type == type {
            if cache.sharedCPUs?.contains(cpu) == true { return number }
            number += 1
        }
        return number
    }
}
