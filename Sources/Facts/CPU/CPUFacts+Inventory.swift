extension CPUFacts {
    public init(_ inventory: CPUInventory) {
        architecture = inventory.architecture
        byteOrder = inventory.bigEndian.map { $0 ? "big" : "little" }
        opModes = (inventory.supports32Bit ? ["32-bit"] : []) + (inventory.supports64Bit ? ["64-bit"] : [])
        addressSizes = inventory.defaultType?.addressSizes.flatMap(Self.addressSizes)
        let present = inventory.present ?? inventory.possible
        let online = inventory.online ?? .empty
        cpuCount = present.count
        possibleCpus = inventory.possible.members
        presentCpus = present.members
        onlineCpus = online.members
        offlineCpus = present.subtracting(online).members

        types = inventory.types.indices.map { Self.typeFacts(inventory, $0) }
        vendor = types.first?.vendor
        modelName = types.first?.modelName
        threadsPerCore = types.first?.threadsPerCore
        coresPerSocket = types.first?.coresPerSocket
        sockets = types.first?.sockets
        var coreMaps: [CPUSet] = []
        for type in inventory.types {
            for map in type.coreMaps where !coreMaps.contains(map) { coreMaps.append(map) }
        }
        cores = coreMaps.isEmpty ? nil : coreMaps.count

        numaNodes = inventory.nodes.map { NUMANode(id: $0.id, cpus: $0.cpus.members) }
        let virt = inventory.virtualization
        if virt.cpuFlag != nil || virt.vendor != nil || virt.hypervisor != nil {
            virtualization = Virtualization(
                cpuFeature: virt.featureName, hypervisor: virt.hypervisor,
                hypervisorVendor: virt.vendor?.rawValue, type: virt.vendor == nil ? nil : virt.type?.rawValue)
        }

        caches = inventory.cacheNames.compactMap { name in
            let instances = inventory.caches.filter { $0.name == name }
            let total = instances.reduce(UInt64(0)) { $0 + $1.sizeBytes }
            guard let first = instances.first, total > 0 else { return nil }
            let sizes = Set(instances.map(\.sizeBytes))
            return Cache(
                name: name, level: first.level, type: first.type, sizeBytes: total, instances: instances.count,
                instanceSizeBytes: sizes.count == 1 ? first.sizeBytes : nil,
                waysOfAssociativity: first.waysOfAssociativity, coherencyLineSize: first.coherencyLineSize)
        } + inventory.sharedCaches.filter { $0.sizeBytes > 0 }.map {
            Cache(name: $0.name, level: $0.level, type: $0.type, sizeBytes: $0.sizeBytes, instances: nil,
                  instanceSizeBytes: nil, waysOfAssociativity: $0.associativity, coherencyLineSize: $0.lineSize)
        }

        vulnerabilities = inventory.vulnerabilities.map { Vulnerability(name: $0.name, file: $0.file, status: $0.text) }

        cpus = inventory.cpus.filter { present.contains($0.id) }.map { cpu in
            CPUEntry(
                id: cpu.id, type: cpu.typeIndex, online: online.contains(cpu.id),
                coreID: cpu.coreID, socketID: cpu.socketID, bookID: cpu.bookID, drawerID: cpu.drawerID,
                node: inventory.nodes.first { $0.cpus.contains(cpu.id) }?.id,
                maxFrequencyHz: cpu.maxKHz.map { $0 * 1000 }, minFrequencyHz: cpu.minKHz.map { $0 * 1000 },
                currentFrequencyHz: cpu.currentKHz.map { $0 * 1000 }
                    ?? cpu.cpuinfoMHz.flatMap { $0 > 0 ? Int(($0 * 1_000_000).rounded()) : nil },
                polarization: cpu.polarization, address: cpu.address, configured: cpu.configured.map { $0 != 0 })
        }
    }

    static func typeFacts(_ inventory: CPUInventory, _ index: Int) -> CPUTypeFacts {
        let type = inventory.types[index]
        let members = inventory.cpus.filter { $0.typeIndex == index && inventory.isPresent($0) }
        let maxKHz = members.compactMap(\.maxKHz).max()
        let minKHz = members.compactMap(\.minKHz).min()
        let scaling = inventory.scalingPercent(type: index)
        let level = LscpuLevels(type)
        return CPUTypeFacts(
            vendor: type.vendor, modelName: type.modelName, machineType: type.machineType, family: type.family,
            model: type.revision ?? type.model, stepping: type.stepping,
            cpus: members.map(\.id),
            threadsPerCore: type.threadsPerCore, coresPerSocket: type.coresPerSocket,
            sockets: level.sockets, socketsPerBook: level.socketsPerBook, books: level.books,
            booksPerDrawer: level.booksPerDrawer, drawers: level.drawers,
            maxFrequencyHz: maxKHz.map { $0 * 1000 }, minFrequencyHz: minKHz.map { $0 * 1000 },
            frequencyScalingPercent: scaling > 0 ? (Double(scaling) * 100).rounded() / 100 : nil,
            frequencyBoost: type.frequencyBoost,
            dynamicFrequencyHz: type.dynamicMHz.map { Int(($0.cDoubleValue * 1_000_000).rounded()) },
            staticFrequencyHz: type.staticMHz.map { Int(($0.cDoubleValue * 1_000_000).rounded()) },
            dispatchingMode: type.dispatching.map { $0 == 0 ? "horizontal" : "vertical" },
            bogomips: type.bogomips.map(\.cDoubleValue),
            flags: (type.flags ?? "").split(separator: " ").map(String.init))
    }

    /// `46 bits physical, 48 bits virtual`.
    static func addressSizes(_ text: String) -> AddressSizes? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," })
        var physical: Int?, virtual: Int?
        for (index, word) in words.enumerated() where index + 2 < words.count && words[index + 1] == "bits" {
            if words[index + 2] == "physical" { physical = Int(word) }
            if words[index + 2] == "virtual" { virtual = Int(word) }
        }
        guard let physical, let virtual else { return nil }
        return AddressSizes(physicalBits: physical, virtualBits: virtual)
    }
}
