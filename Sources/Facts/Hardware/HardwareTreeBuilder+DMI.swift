/// Firmware, processors, caches and memory from SMBIOS (types 0, 4, 7, 16, 17), as lshw's dmi.cc shapes
/// them; without SMBIOS, one `memory` node sized from the kernel's memory blocks.
extension HardwareTreeBuilder {
    func addFirmware(to core: TreeNode) {
        guard let bios = inputs.dmi?.bios else { return }
        let node = core.add(TreeNode("firmware", "memory"))
        node.node.claimed = true
        node.node.description = "BIOS"
        node.node.vendor = bios.vendor
        node.node.physid = "0"
        node.node.version = bios.version
        node.node.date = bios.releaseDate
        node.node.size = bios.runtimeSizeBytes
        node.node.capacity = bios.romSizeBytes
        for characteristic in bios.characteristics {
            if let (name, description) = Self.biosCapabilities[characteristic] { node.capability(name, description) }
        }
    }

    func addProcessors(to core: TreeNode) {
        guard let dmi = inputs.dmi else { return }
        let caches = Dictionary(dmi.caches.map { ($0.handle, $0) }, uniquingKeysWith: { a, _ in a })
        var populated = 0
        for processor in dmi.processors where processor.type == nil || processor.type == "Central Processor" {
            let node = core.add(TreeNode("cpu", "processor"))
            node.node.claimed = true
            node.node.handle = Self.dmiHandle(processor.handle)
            node.node.description = "CPU"
            node.node.physid = String(processor.handle, radix: 16)
            node.node.slot = processor.socketDesignation
            guard processor.socketPopulated else {
                node.node.description = "CPU [empty]"
                node.node.disabled = true
                continue
            }
            node.node.product = processor.version
            node.node.vendor = processor.manufacturer
            node.node.businfo = "cpu@\(populated)"
            populated += 1
            node.node.version = processor.version
            node.node.serial = processor.serialNumber
            node.node.size = processor.currentSpeedHz.flatMap { $0 > 0 ? $0 : nil }
            node.node.capacity = processor.maxSpeedHz.flatMap { $0 > 0 ? $0 : nil }
            node.node.width = Self.wordSize
            node.node.clock = processor.externalClockHz.flatMap { $0 > 0 ? $0 : nil }
            node.set("cores", processor.coreCount.map(String.init))
            node.set("enabledcores", processor.coreEnabled.map(String.init))
            node.set("threads", processor.threadCount.map(String.init))
            if processor.characteristics.contains("64-bit capable") { node.capability("lm", "64-bit capable") }
            for handle in [processor.l1CacheHandle, processor.l2CacheHandle, processor.l3CacheHandle].compactMap({ $0 }) {
                if let cache = caches[handle] { node.add(cacheNode(cache)) }
            }
        }
    }

    func cacheNode(_ cache: CacheInformation) -> TreeNode {
        let node = TreeNode("cache", "memory")
        node.node.claimed = true
        node.node.handle = Self.dmiHandle(cache.handle)
        node.node.description = "L\(cache.level) cache"
        node.node.physid = String(cache.handle, radix: 16)
        node.node.slot = cache.socketDesignation
        node.node.size = cache.installedSizeBytes > 0 ? cache.installedSizeBytes : nil
        node.node.capacity = cache.maximumSizeBytes > 0 ? cache.maximumSizeBytes : nil
        if cache.installedSRAMType == "Synchronous" { node.capability("synchronous", "Synchronous") }
        switch cache.location {
        case "Internal": node.capability("internal", "Internal")
        case "External": node.capability("external", "External")
        default: break
        }
        switch cache.operationalMode {
        case "Write Through": node.capability("write-through", "Write-through")
        case "Write Back": node.capability("write-back", "Write-back")
        case "Varies With Memory Address": node.capability("varies", "Varies With Memory Address")
        default: break
        }
        switch cache.systemType {
        case "Instruction": node.capability("instruction", "Instruction cache")
        case "Data": node.capability("data", "Data cache")
        case "Unified": node.capability("unified", "Unified cache")
        default: break
        }
        if !cache.enabled { node.node.disabled = true }
        return node
    }

    func addMemory(to core: TreeNode) {
        let arrays = inputs.dmi?.memoryArrays.filter { $0.use == nil || $0.use == "System Memory" } ?? []
        guard !arrays.isEmpty else {
            let node = core.add(TreeNode("memory", "memory"))
            node.node.claimed = true
            node.node.description = "System memory"
            node.node.physid = "0"
            node.node.size = inputs.systemMemoryBytes
            return
        }
        let devices = inputs.dmi?.memoryDevices ?? []
        for array in arrays {
            let node = core.add(TreeNode("memory", "memory"))
            node.node.claimed = true
            node.node.handle = Self.dmiHandle(array.handle)
            node.node.description = "System Memory"
            node.node.physid = String(array.handle, radix: 16)
            node.node.slot = array.location
            node.node.capacity = array.maximumCapacityBytes
            switch array.errorCorrectionType {
            case "Parity": node.capability("parity", "Parity error correction")
            case "Single-bit ECC": node.capability("ecc", "Single-bit error-correcting code (ECC)")
            case "Multi-bit ECC": node.capability("ecc", "Multi-bit error-correcting code (ECC)")
            case "CRC": node.capability("crc", "CRC error correction")
            default: break
            }
            var total: UInt64 = 0
            for (number, device) in devices.filter({ $0.arrayHandle == array.handle }).enumerated() {
                let bank = node.add(TreeNode("bank", "memory"))
                bank.node.claimed = true
                bank.node.handle = Self.dmiHandle(device.handle)
                bank.node.physid = String(number, radix: 16)
                bank.node.slot = device.locator
                bank.node.vendor = device.manufacturer
                bank.node.serial = device.serialNumber
                bank.node.product = device.partNumber
                var words = [device.formFactor, device.type].compactMap { $0 }
                words += device.typeDetail.filter { $0 != "None" && $0 != "Other" && $0 != "Unknown" }
                if let speed = device.speedMts, speed > 0 {
                    let ns = 1000.0 / Double(speed)
                    words.append("\(speed) MHz (\(Self.oneDecimal(ns)) ns)")
                    bank.node.clock = UInt64(speed) * 1_000_000
                }
                if let size = device.sizeBytes, size > 0 {
                    bank.node.size = size
                    total += size
                } else {
                    words.append("[empty]")
                }
                bank.node.description = words.joined(separator: " ")
                bank.node.width = device.dataWidthBits
            }
            if total > 0 { node.node.size = total }
        }
    }

    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// dmidecode's BIOS characteristic → lshw's capability id and description.
    static let biosCapabilities: [String: (String, String)] = [
        "ISA is supported": ("isa", "ISA bus"), "MCA is supported": ("mca", "MCA bus"),
        "EISA is supported": ("eisa", "EISA bus"), "PCI is supported": ("pci", "PCI bus"),
        "PC Card (PCMCIA) is supported": ("pcmcia", "PCMCIA/PCCard"), "PNP is supported": ("pnp", "Plug-and-Play"),
        "APM is supported": ("apm", "Advanced Power Management"), "BIOS is upgradeable": ("upgrade", "BIOS EEPROM can be upgraded"),
        "BIOS shadowing is allowed": ("shadowing", "BIOS shadowing"), "VLB is supported": ("vesa", "VESA video extensions"),
        "ESCD support is available": ("escd", "ESCD"), "Boot from CD is supported": ("cdboot", "Booting from CD-ROM/DVD"),
        "Selectable boot is supported": ("bootselect", "Selectable boot path"),
        "BIOS ROM is socketed": ("socketedrom", "BIOS ROM is socketed"),
        "Boot from PC Card (PCMCIA) is supported": ("pcmciaboot", "Booting from PCMCIA"),
        "EDD is supported": ("edd", "Enhanced Disk Drive extensions"),
        "Japanese floppy for NEC 9800 1.2 MB is supported (int 13h)": ("int13floppynec", "NEC 9800 floppy"),
        "Japanese floppy for Toshiba 1.2 MB is supported (int 13h)": ("int13floppytoshiba", "Toshiba floppy"),
        "5.25\"/360 kB floppy services are supported (int 13h)": ("int13floppy360", "5.25\" 360KB floppy"),
        "5.25\"/1.2 MB floppy services are supported (int 13h)": ("int13floppy1200", "5.25\" 1.2MB floppy"),
        "3.5\"/720 kB floppy services are supported (int 13h)": ("int13floppy720", "3.5\" 720KB floppy"),
        "3.5\"/2.88 MB floppy services are supported (int 13h)": ("int13floppy2880", "3.5\" 2.88MB floppy"),
        "Print screen service is supported (int 5h)": ("int5printscreen", "Print Screen key"),
        "8042 keyboard services are supported (int 9h)": ("int9keyboard", "i8042 keyboard controller"),
        "Serial services are supported (int 14h)": ("int14serial", "INT14 serial line control"),
        "Printer services are supported (int 17h)": ("int17printer", "INT17 printer control"),
        "CGA/mono video services are supported (int 10h)": ("int10video", "INT10 CGA/Mono video"),
        "NEC PC-98": ("pc98", "NEC PC-98"), "ACPI is supported": ("acpi", "ACPI"),
        "USB legacy is supported": ("usb", "USB legacy emulation"), "AGP is supported": ("agp", "AGP"),
        "I2O boot is supported": ("i2oboot", "I2O booting"), "LS-120 boot is supported": ("ls120boot", "Booting from LS-120"),
        "ATAPI Zip drive boot is supported": ("zipboot", "Booting from ATAPI ZIP"),
        "IEEE 1394 boot is supported": ("ieee1394boot", "Booting from IEEE1394 (Firewire)"),
        "Smart battery is supported": ("smartbattery", "Smart battery"),
        "BIOS boot specification is supported": ("biosbootspecification", "BIOS boot specification"),
        "Function key-initiated network boot is supported": ("netboot", "Function-key initiated network service boot"),
        "UEFI is supported": ("uefi", "UEFI specification is supported"),
        "System is a virtual machine": ("virtualmachine", "This machine is a virtual machine"),
    ]
}
