/// Virtio devices, SCSI controllers and devices, NVMe controllers and namespaces, disks and their
/// partitions, as lshw's virtio.cc, scsi.cc, nvme.cc, disk.cc and partitions.cc shape them.
extension HardwareTreeBuilder {
    func addVirtio(to core: TreeNode, index: Index) {
        for (name, path, driver) in inputs.virtio {
            let node = TreeNode(name, Self.virtioClass(driver))
            node.node.description = "Virtual I/O device"
            node.node.physid = "0"
            if let number = Int(name.dropFirst("virtio".count)) { node.node.businfo = "virtio@\(number)" }
            node.set("driver", driver)
            index.virtio[name] = node
            let parent = BlockTransport.pciAddress(path).flatMap { index.pci[$0.description] } ?? core
            parent.add(node)
        }
    }

    static func virtioClass(_ driver: String?) -> String {
        switch driver {
        case "virtio_net": return "network"
        case "virtio_blk": return "disk"
        default: return "generic"
        }
    }

    func addStorage(to core: TreeNode, index: Index) {
        guard let storage = inputs.storage else { return }
        let disks = Dictionary(storage.blockDevices.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var placed = Set<String>()

        // lshw finds SCSI hosts through the devices on them (their sg nodes), so a host without devices (an
        // empty AHCI port) is not named; a virtio-scsi host belongs to its virtio device's node.
        let occupied = Set(storage.scsiDevices.compactMap { SCSIAddress($0.address)?.host })
        for host in storage.scsiHosts where occupied.contains(host.number) {
            let hostPath = inputs.scsiHostPaths[host.name]?.split(separator: "/") ?? []
            let virtio = hostPath.first { $0.hasPrefix("virtio") }.flatMap { index.virtio[String($0)] }
            if let controller = virtio ?? host.controllerAddress.flatMap({ index.pci[$0] }) {
                controller.addLogicalNames(["scsi\(host.number)"])
                index.scsiHosts[host.number] = controller
            }
        }
        for device in storage.scsiDevices {
            guard let address = SCSIAddress(device.address) else { continue }
            let parent = scsiParent(host: address.host, core: core, index: index, storage: storage)
            let node = parent.add(scsiNode(device, address: address))
            if let name = device.blockDevice, let disk = disks[name] {
                fillDisk(node, disk)
                placed.insert(name)
            }
        }
        for controller in storage.nvmeControllers {
            let node: TreeNode
            if let address = controller.address, let pci = index.pci[address] {
                node = pci
            } else {
                node = core.add(TreeNode(controller.name, "storage"))
            }
            node.node.claimed = true
            node.addLogicalNames(["/dev/" + controller.name])
            node.node.description = "NVMe device"
            node.node.product = controller.model ?? node.node.product
            node.node.serial = controller.serial
            node.node.version = controller.firmwareRevision
            node.set("nqn", controller.subsystemNqn)
            node.set("state", controller.state)
            for name in controller.namespaces {
                guard let disk = disks[name] else { continue }
                let namespace = node.add(TreeNode("namespace", "disk"))
                namespace.node.claimed = true
                namespace.node.description = "NVMe disk"
                namespace.node.physid = disk.nvmeNamespaceId.map(String.init)
                if let number = Int(controller.name.dropFirst(4)), let nsid = disk.nvmeNamespaceId {
                    namespace.node.businfo = "nvme@\(number):\(nsid)"
                }
                namespace.set("wwid", disk.wwn)
                fillDisk(namespace, disk)
                placed.insert(name)
            }
        }
        for disk in storage.blockDevices where !placed.contains(disk.name) {
            guard let path = inputs.blockPaths[disk.name] else { continue }
            if let virtio = path.split(separator: "/").first(where: { $0.hasPrefix("virtio") }), let node = index.virtio[String(virtio)] {
                node.node.claimed = true
                fillDisk(node, disk)
            } else if disk.type == "disk", disk.transport != nil, !disk.name.hasPrefix("zram") {
                // mmc, xen and other disks lshw finds by their block device alone.
                let parent = disk.controllerAddress.flatMap { index.pci[$0] } ?? core
                let node = parent.add(TreeNode("disk", "disk"))
                node.node.claimed = true
                node.node.description = disk.transport == "mmc" ? "SD/MMC Device" : "Disk"
                node.node.product = disk.model
                node.node.vendor = disk.vendor
                node.node.version = disk.firmwareRevision
                fillDisk(node, disk)
            }
        }
    }

    /// The node SCSI devices of `host` hang under: its PCI controller, the USB device of a USB storage
    /// bridge, or a `scsi` node of its own under the core.
    private func scsiParent(host: Int, core: TreeNode, index: Index, storage: StorageFacts) -> TreeNode {
        if let node = index.scsiHosts[host] { return node }
        let node = TreeNode("scsi", "storage")
        node.node.claimed = true
        node.node.physid = nil
        node.node.businfo = "scsi@\(host)"
        node.addLogicalNames(["scsi\(host)"])
        node.node.description = "SCSI storage controller"
        // A USB storage bridge: the host sits below the USB device (`.../usb2/2-1/2-1:1.0/host6`).
        let hostPath = inputs.scsiHostPaths["host\(host)"]?.split(separator: "/") ?? []
        let usbParent = hostPath.reversed().lazy.compactMap { index.usb[String($0)] }.first
        (usbParent ?? core).add(node)
        index.scsiHosts[host] = node
        return node
    }

    private func scsiNode(_ device: SCSIDevice, address: SCSIAddress) -> TreeNode {
        let (id, nodeClass): (String, String)
        switch device.type {
        case 0, 14, 20: (id, nodeClass) = ("disk", "disk")
        case 1: (id, nodeClass) = ("tape", "tape")
        case 3: (id, nodeClass) = ("processor", "processor")
        case 4, 5: (id, nodeClass) = ("cdrom", "disk")
        case 6: (id, nodeClass) = ("scanner", "generic")
        case 7: (id, nodeClass) = ("magnetooptical", "disk")
        case 8: (id, nodeClass) = ("changer", "generic")
        case 13: (id, nodeClass) = ("enclosure", "generic")
        default: (id, nodeClass) = ("generic", "generic")
        }
        let node = TreeNode(id, nodeClass)
        node.node.claimed = true
        let kind = Self.scsiTypeDescription(device.type)
        let ata = device.vendor == "ATA"
        node.node.description = ((ata ? "ATA " : "SCSI ") + kind).trimmed()
        node.node.handle = String(format2: address)
        node.node.businfo = "scsi@\(address.host):\(address.channel).\(address.target).\(address.lun)"
        node.node.physid = "\(address.channel).\(address.target).\(address.lun)"
        node.node.vendor = ata ? nil : device.vendor
        node.node.product = device.model
        node.node.version = device.revision
        return node
    }

    static func scsiTypeDescription(_ type: Int?) -> String {
        switch type {
        case 0: return "Disk"
        case 1: return "Tape"
        case 3: return "Processor"
        case 4: return "Write-Once Read-Only Memory"
        case 5: return "CD-ROM"
        case 6: return "Scanner"
        case 7: return "Magneto-optical Disk"
        case 8: return "Medium Changer"
        case 13: return "Enclosure"
        case 14: return "Simplified direct-access device"
        case 20: return "Host managed zoned block device"
        default: return ""
        }
    }

    /// What disk.cc and partitions.cc add to a disk node: names, size, sector sizes, the partition table
    /// and one `volume` per partition.
    func fillDisk(_ node: TreeNode, _ disk: BlockDevice) {
        node.node.claimed = true
        let mounts = inputs.mounts.mounts(ofDevice: disk.name)
        node.addLogicalNames([disk.devicePath] + mounts.map(\.mountPoint))
        node.node.dev = disk.majorMinor
        node.node.serial = disk.serial ?? node.node.serial
        node.node.size = disk.sizeBytes.flatMap { $0 > 0 ? $0 : nil }
        node.set("logicalsectorsize", disk.logicalSectorSize.map(String.init))
        node.set("sectorsize", disk.physicalSectorSize.map(String.init))
        applyMounts(mounts, to: node)
        switch disk.partitionTableType {
        case "dos":
            node.capability("partitioned", "Partitioned disk")
            node.capability("partitioned:dos", "MS-DOS partition table")
            node.set("signature", disk.partitionTableId.map { $0.hasPrefix("0x") ? String($0.dropFirst(2)) : $0 })
        case "gpt":
            node.capability("gpt-1.00", "GUID Partition Table version 1.00")
            node.capability("partitioned", "Partitioned disk")
            node.capability("partitioned:gpt", "GUID partition table")
            node.set("guid", disk.partitionTableId?.lowercased())
        default:
            if !disk.partitions.isEmpty { node.capability("partitioned", "Partitioned disk") }
        }
        var extended: TreeNode?
        for partition in disk.partitions {
            let volume = volumeNode(partition, disk: disk, parentBusinfo: node.node.businfo)
            if disk.partitionTableType == "dos", partition.number > 4, let extended {
                volume.node.id = "logicalvolume"
                extended.add(volume)
            } else {
                node.add(volume)
            }
            if disk.partitionTableType == "dos", let type = partition.typeId.flatMap({ UInt8($0, radix: 16) }),
               PartitionTableParser.isExtended(type) {
                extended = volume
            }
        }
    }

    private func volumeNode(_ partition: Partition, disk: BlockDevice, parentBusinfo: String?) -> TreeNode {
        let node = TreeNode("volume", "volume")
        node.node.claimed = true
        node.node.physid = String(partition.number)
        if let parentBusinfo { node.node.businfo = "\(parentBusinfo),\(partition.number)" }
        let mounts = inputs.mounts.mounts(ofDevice: partition.name)
        node.addLogicalNames([partition.devicePath] + mounts.map(\.mountPoint))
        node.node.dev = partition.majorMinor
        node.node.capacity = partition.sizeBytes
        switch disk.partitionTableType {
        case "dos":
            let type = partition.typeId.flatMap { UInt8($0, radix: 16) }
            if let type, PartitionTableParser.isExtended(type) {
                node.node.description = "Extended partition"
                node.capability("extended", "Extended partition")
                node.capability("partitioned", "Partitioned disk")
                node.capability("partitioned:extended", "Extended partition")
                node.node.size = partition.sizeBytes
            } else {
                let name = type.flatMap { Self.lshwDOSNames[$0] ?? MBRPartitionType.name($0) }
                node.node.description = name.map { "\($0) partition" } ?? "partition"
            }
            if partition.number <= 4 { node.capability("primary", "Primary partition") }
            if partition.bootable == true { node.capability("bootable", "Bootable partition (active)") }
        case "gpt":
            let (description, vendor) = partition.typeId.flatMap { Self.lshwGPTNames[$0] }
                ?? ((partition.typeName.map { "\($0) partition" }) ?? "partition", nil)
            node.node.description = description
            node.node.vendor = vendor
            node.node.product = partition.label
            node.node.serial = partition.uuid?.lowercased()
        default:
            node.node.description = "partition"
        }
        applyMounts(mounts, to: node)
        return node
    }

    private func applyMounts(_ mounts: [MountTable.Entry], to node: TreeNode) {
        guard let first = mounts.first else { return }
        node.set("mount.fstype", first.fileSystem)
        node.set("mount.options", first.options)
        node.set("state", "mounted")
    }

    /// lshw's names of MBR types where they differ from fdisk's.
    static let lshwDOSNames: [UInt8: String] = [
        0x07: "HPFS/NTFS", 0x82: "Linux swap / Solaris", 0x83: "Linux filesystem", 0x8E: "Linux LVM Physical Volume",
        0xFD: "Linux raid autodetect", 0xEF: "EFI GPT", 0x0B: "W95 FAT32", 0x0C: "W95 FAT32 (LBA)",
    ]

    /// lshw's description and vendor of GPT partition types.
    static let lshwGPTNames: [String: (String, String?)] = [
        "C12A7328-F81F-11D2-BA4B-00A0C93EC93B": ("System partition", "EFI"),
        "024DEE41-33E7-11D3-9D69-0008C781F39F": ("MBR partition scheme", "EFI"),
        "21686148-6449-6E6F-744E-656564454649": ("BIOS Boot partition", "EFI"),
        "0657FD6D-A4AB-43C4-84E5-0933C84B4F4F": ("swap partition", "Linux"),
        "A19D880F-05FC-4D3B-A006-743F0F84911E": ("RAID partition", "Linux"),
        "E6D6D379-F507-44C2-A23C-238F2A3DF928": ("LVM Physical Volume", "Linux"),
        "8DA63339-0007-60C0-C436-083AC8230908": ("reserved partition", "Linux"),
        "0FC63DAF-8483-4772-8E79-3D69D8477DE4": ("Linux filesystem partition", nil),
        "EBD0A0A2-B9E5-4433-87C0-68B6B72699C7": ("data partition", "Windows"),
        "DE94BBA4-06D1-4D40-A16A-BFD50179D6AC": ("recovery environment", "Windows"),
        "E3C9E316-0B5C-4DB8-817D-F92DF00215AE": ("reserved partition", "Windows"),
        "5808C8AA-7E8F-42E0-85D2-E1E90434CFB3": ("LDM configuration", "Windows"),
        "AF9B60A0-1431-4F62-BC68-3311714A69AD": ("LDM data partition", "Windows"),
        "48465300-0000-11AA-AA11-00306543ECAC": ("Apple HFS+ partition", "Mac OS X"),
        "7C3457EF-0000-11AA-AA11-00306543ECAC": ("Apple APFS partition", "Mac OS X"),
    ]
}

extension String {
    /// lshw's SCSI handle: `SCSI:00:00:01:00`.
    init(format2 address: SCSIAddress) {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        self = "SCSI:\(two(address.host)):\(two(address.channel)):\(two(address.target)):\(two(Int(address.lun)))"
    }
}
