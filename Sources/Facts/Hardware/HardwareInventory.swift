/// Reads what the hardware tree is built from — the SMBIOS table, PCI functions, storage, USB, network
/// interfaces that belong to devices, mounts, virtio devices and the kernel's memory blocks — and builds the
/// tree. Every read goes through the context's `HostFiles`.
public struct HardwareInventory {
    public let context: CollectionContext
    public let collector: String

    public init(context: CollectionContext, collector: String = "hardware") {
        self.context = context
        self.collector = collector
    }

    public func tree() -> (HardwareNode, [Diagnostic]) {
        let (inputs, diagnostics) = read()
        return (HardwareTreeBuilder(inputs).build(), diagnostics)
    }

    /// Three independent runs of reads side by side (`SideBySide`): the platform (SMBIOS, memory blocks,
    /// CPUs), the PCI and USB functions (which share the name database), and storage with the network
    /// interfaces, mounts and virtio devices. Diagnostics come in a fixed order, whichever run ends first.
    public func read() -> (HardwareInputs, [Diagnostic]) {
        let (platform, devices, storage) = SideBySide.run(readPlatform, readDevices, readStorage)
        var inputs = storage.inputs
        inputs.hostname = platform.inputs.hostname
        inputs.dmi = platform.inputs.dmi
        inputs.systemMemoryBytes = platform.inputs.systemMemoryBytes
        inputs.cpuCount = platform.inputs.cpuCount
        inputs.pci = devices.inputs.pci
        inputs.usb = devices.inputs.usb
        return (inputs, devices.nameDiagnostics + platform.diagnostics + devices.diagnostics + storage.diagnostics)
    }

    private struct Part {
        var inputs = HardwareInputs()
        var diagnostics: [Diagnostic] = []
        /// Which name database named the devices (reported first).
        var nameDiagnostics: [Diagnostic] = []
    }

    private func readPlatform() -> Part {
        let files = context.files
        var part = Part()
        part.inputs.hostname = (try? files.text(.proc, "sys/kernel/hostname"))?.trimmed()
        let (loaded, dmiDiagnostics) = DMITableSource(files: files).load(dumpFile: context.dmiDumpFile)
        part.inputs.dmi = loaded.map { DMIFacts($0.table, source: $0.origin.description) }
        part.diagnostics = dmiDiagnostics.map { relabel($0) }
        // The kernel's memory blocks size the memory node only when SMBIOS describes no memory (VMs, some
        // boards); reading every block's state costs hundreds of sysfs reads.
        if part.inputs.dmi?.memoryArrays.isEmpty ?? true {
            part.inputs.systemMemoryBytes = onlineMemoryBytes()
        }
        part.inputs.cpuCount = (try? files.text(.sys, "devices/system/cpu/present")).flatMap(Self.countCPUList)
        return part
    }

    private func readDevices() -> Part {
        var part = Part()
        let resolver = DeviceNameResolver(options: context.names, collector: collector)
        var pciReader = PCIReader(files: context.files, names: resolver.lookup(.pci), collector: collector)
        pciReader.namesSubsystems = false
        let (functions, pciDiagnostics) = pciReader.read()
        part.inputs.pci = functions
        let usb = USBReader(files: context.files, names: resolver.lookup(.usb), collector: collector).read()
        part.inputs.usb = usb.devices
        part.diagnostics = pciDiagnostics + usb.diagnostics
        part.nameDiagnostics = resolver.diagnostics
        return part
    }

    private func readStorage() -> Part {
        let files = context.files
        var part = Part()
        var storageReader = StorageReader(files: files, collector: collector)
        // Devices lshw does not show: their attributes would be read for nothing.
        storageReader.skip = { name in ["loop", "ram", "zram", "nbd"].contains { name.hasPrefix($0) } }
        let storage = storageReader.read()
        part.inputs.storage = storage.facts
        part.inputs.blockPaths = storage.blockPaths
        part.inputs.scsiHostPaths = storage.hostPaths
        part.diagnostics = storage.diagnostics
        part.inputs.network = NetworkInterfaceProbe(files: files).interfaces()
        if let text = (try? files.text(.proc, "1/mounts")) ?? (try? files.text(.proc, "self/mounts")) {
            part.inputs.mounts = MountTable(parsing: text)
        }
        part.inputs.virtio = ((try? files.list(.sys, "bus/virtio/devices")) ?? []).compactMap { name in
            guard let path = files.resolved(.sys, "bus/virtio/devices/" + name) else { return nil }
            let driver = (try? files.linkTarget(.sys, "bus/virtio/devices/\(name)/driver")).flatMap(PCISysfsValue.lastComponent)
            return (name, path, driver)
        }
        return part
    }

    /// The DMI table's own diagnostics, under this collector's name (the dmi collector reports them too
    /// when it runs).
    private func relabel(_ diagnostic: Diagnostic) -> Diagnostic {
        var copy = diagnostic
        copy.collector = collector
        return copy
    }

    /// Online memory blocks × block size (what lshw calls the hotplug size).
    private func onlineMemoryBytes() -> UInt64? {
        let files = context.files
        guard let blockSize = (try? files.text(.sys, "devices/system/memory/block_size_bytes")).flatMap(HexText.parse),
              let names = try? files.list(.sys, "devices/system/memory"),
              let directory = try? files.directory(.sys, "devices/system/memory")
        else { return nil }
        var online: UInt64 = 0
        for name in names where name.hasPrefix("memory") {
            if (try? directory.text(name + "/state")) == "online" { online += 1 }
        }
        return online > 0 ? online * blockSize : nil
    }

    /// `0-3,8-11` → 8.
    static func countCPUList(_ text: String) -> Int? {
        var count = 0
        for range in text.trimmed().split(separator: ",") {
            let ends = range.split(separator: "-").compactMap { Int($0) }
            if ends.count == 2 { count += ends[1] - ends[0] + 1 } else if ends.count == 1 { count += 1 } else { return nil }
        }
        return count > 0 ? count : nil
    }
}
