/// Reads block devices, NVMe controllers and SCSI devices and hosts through `HostFiles`, with udev's
/// database (`RUN/udev/data`) for serials, WWNs and links where it exists, and partition tables from the
/// device nodes under `DEV` where they are readable.
public struct StorageReader {
    public let files: HostFiles
    public let collector: String
    /// Read the first sectors of each disk for its partition table (types, UUIDs, labels).
    public var readPartitionTables: Bool
    /// Block devices to leave out by name (the hardware tree has no place for loop, ram or zram devices).
    public var skip: @Sendable (String) -> Bool = { _ in false }

    public init(files: HostFiles, collector: String = "storage", readPartitionTables: Bool = true) {
        self.files = files
        self.collector = collector
        self.readPartitionTables = readPartitionTables
    }

    public struct Result {
        public var facts: StorageFacts
        public var diagnostics: [Diagnostic]
        /// Resolved sysfs paths (relative to SYS) of block devices, SCSI devices and NVMe controllers by name.
        public var blockPaths: [String: String]
        public var scsiPaths: [String: String]
        public var nvmePaths: [String: String]
        /// SCSI hosts by name (`host0`).
        public var hostPaths: [String: String]
    }

    public func read() -> Result {
        var diagnostics: [Diagnostic] = []
        let udev = UdevDatabase(files: files)
        let udevPresent = udev.isPresent
        if !udevPresent {
            diagnostics.append(Diagnostic(
                collector: collector, path: udev.path,
                error: "no udev database; serials, WWNs and by-id links come from sysfs alone"))
        }
        let (hosts, hostPaths) = readSCSIHosts(&diagnostics)
        let (scsiDevices, scsiPaths) = readSCSIDevices(&diagnostics)
        var (controllers, nvmePaths) = readNVMeControllers(&diagnostics)
        let hostsByNumber = Dictionary(hosts.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
        let scsiByAddress = Dictionary(scsiDevices.map { ($0.address, $0) }, uniquingKeysWith: { a, _ in a })
        let controllersByName = Dictionary(controllers.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })

        var blockDevices: [BlockDevice] = []
        var blockPaths: [String: String] = [:]
        var unreadable: [HostFileError] = []
        let names: [String]
        do {
            names = try files.list(.sys, "block")
        } catch {
            diagnostics.append(Diagnostic(
                collector: collector, path: error.path, error: "\(error); no block devices listed", severity: .error))
            names = []
        }
        for name in names where !skip(name) {
            let base = "block/" + name
            let path = files.resolved(.sys, base)
            if let path { blockPaths[name] = path }
            func attribute(_ relative: String) -> String? {
                (try? files.text(.sys, base + "/" + relative)).map { $0.trimmed() }.flatMap { $0.isEmpty ? nil : $0 }
            }
            let scsiAddress = path.flatMap(BlockTransport.scsiAddress)
            let scsi = scsiAddress.flatMap { scsiByAddress[$0.description] }
            var device = BlockDevice(name: name, type: BlockTransport.type(name: name, scsiType: scsi?.type))
            device.majorMinor = attribute("dev")
            device.sizeBytes = attribute("size").flatMap { UInt64($0) }.map { $0 * 512 }
            device.logicalSectorSize = attribute("queue/logical_block_size").flatMap { Int($0) }
            device.physicalSectorSize = attribute("queue/physical_block_size").flatMap { Int($0) }
            device.rotational = attribute("queue/rotational").map { $0 == "1" }
            device.removable = attribute("removable").map { $0 == "1" }
            device.readOnly = attribute("ro").map { $0 == "1" }
            device.scsiAddress = scsiAddress?.description
            if let scsi {
                device.vendor = scsi.vendor
                device.model = scsi.model
                device.firmwareRevision = scsi.revision
                device.serial = (try? files.bytes(.sys, base + "/device/vpd_pg80", offset: 0, count: 4096))
                    .flatMap(SCSIVPDPage.unitSerialNumber)
                device.wwn = attribute("device/wwid").map(Self.lsblkWWN)
            } else if let controllerName = Self.nvmeControllerName(name: name, path: path),
                      let controller = controllersByName[controllerName] {
                device.nvmeController = controllerName
                device.nvmeNamespaceId = attribute("nsid").flatMap { Int($0) }
                    ?? Int(name.split(separator: "n").last ?? "")
                device.model = controller.model
                device.serial = controller.serial
                device.firmwareRevision = controller.firmwareRevision
                device.wwn = attribute("wwid").map(Self.lsblkWWN)
                if let index = controllers.firstIndex(where: { $0.name == controllerName }) {
                    controllers[index].namespaces.append(name)
                }
            } else if name.hasPrefix("mmcblk") {
                device.model = attribute("device/name")
                device.serial = attribute("device/serial")
                device.firmwareRevision = attribute("device/fwrev")
            } else {
                device.serial = attribute("serial") ?? attribute("device/serial")
                device.model = attribute("device/model")
                device.vendor = attribute("device/vendor").flatMap { $0.hasPrefix("0x") ? nil : $0 }
                device.wwn = (attribute("wwid") ?? attribute("device/wwid")).map(Self.lsblkWWN)
            }
            let host = scsiAddress.flatMap { hostsByNumber[$0.host] }
            device.transport = path.flatMap {
                BlockTransport.transport(
                    name: name, devicePath: $0, hostClasses: host?.transport.map { [$0] } ?? [], procName: host?.procName)
            }
            device.controllerAddress = path.flatMap(BlockTransport.pciAddress)?.description
            if udevPresent, let majorMinor = device.majorMinor {
                do {
                    let record = try udev.block(majorMinor)
                    Self.apply(record, to: &device)
                } catch {
                    if !error.isNotFound {
                        diagnostics.append(Diagnostic(collector: collector, path: error.path, error: "\(error); udev properties of \(name) left out"))
                    }
                }
            }
            device.partitions = readPartitions(of: name, udev: udevPresent ? udev : nil)
            if readPartitionTables, device.type == "disk", device.sizeBytes ?? 0 > 0, !name.hasPrefix("zram") {
                readPartitionTable(of: &device, unreadable: &unreadable, diagnostics: &diagnostics)
            }
            blockDevices.append(device)
        }
        diagnostics += Self.summarize(unreadable, collector: collector)
        let facts = StorageFacts(
            propertiesSource: udevPresent ? "udev" : "sysfs", blockDevices: blockDevices,
            nvmeControllers: controllers, scsiDevices: scsiDevices, scsiHosts: hosts)
        return Result(
            facts: facts, diagnostics: diagnostics, blockPaths: blockPaths, scsiPaths: scsiPaths, nvmePaths: nvmePaths,
            hostPaths: hostPaths)
    }

    // MARK: udev

    /// udev's properties win over sysfs for serials and WWNs (they come from the device's own answers to
    /// INQUIRY/IDENTIFY, as lsblk prefers them); sysfs model and vendor strings are kept.
    static func apply(_ record: UdevDeviceRecord, to device: inout BlockDevice) {
        if let serial = record["ID_SCSI_SERIAL"] ?? record["ID_SERIAL_SHORT"], !serial.isEmpty {
            device.serial = serial
        }
        if let wwn = record["ID_WWN_WITH_EXTENSION"] ?? record["ID_WWN"], !wwn.isEmpty {
            device.wwn = wwn
        }
        if device.model == nil, let model = record["ID_MODEL_ENC"].map(decodeUdevEscapes) ?? record["ID_MODEL"] {
            device.model = model.trimmed()
        }
        if device.firmwareRevision == nil { device.firmwareRevision = record["ID_REVISION"] }
        if !record.links.isEmpty { device.links = record.links }
    }

    /// udev's `\x20` escapes in `*_ENC` properties.
    static func decodeUdevEscapes(_ text: String) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "\\"), i + 3 < utf8.count, utf8[i + 1] == UInt8(ascii: "x"),
               let value = UInt8(String(decoding: utf8[i + 2...i + 3], as: UTF8.self), radix: 16) {
                bytes.append(value)
                i += 4
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// sysfs `wwid` as lsblk shows it: NAA ids as `0x...`, other designators (`eui.`, `t10.`) unchanged.
    static func lsblkWWN(_ wwid: String) -> String {
        wwid.hasPrefix("naa.") ? "0x" + wwid.dropFirst(4) : wwid
    }

    // MARK: partitions

    private func readPartitions(of name: String, udev: UdevDatabase?) -> [Partition] {
        guard let entries = try? files.list(.sys, "block/" + name) else { return [] }
        var partitions: [Partition] = []
        for entry in entries where entry.hasPrefix(name) {
            let base = "block/\(name)/\(entry)"
            guard let numberText = try? files.text(.sys, base + "/partition"), let number = Int(numberText.trimmed()) else {
                continue
            }
            func attribute(_ relative: String) -> String? { (try? files.text(.sys, base + "/" + relative))?.trimmed() }
            var partition = Partition(name: entry, number: number)
            partition.majorMinor = attribute("dev")
            partition.startBytes = attribute("start").flatMap { UInt64($0) }.map { $0 * 512 }
            partition.sizeBytes = attribute("size").flatMap { UInt64($0) }.map { $0 * 512 }
            partition.readOnly = attribute("ro").map { $0 == "1" }
            if let udev, let majorMinor = partition.majorMinor, let record = try? udev.block(majorMinor), !record.links.isEmpty {
                partition.links = record.links
            }
            partitions.append(partition)
        }
        return partitions.sorted { $0.number < $1.number }
    }

    private func readPartitionTable(of device: inout BlockDevice, unreadable: inout [HostFileError], diagnostics: inout [Diagnostic]) {
        let node = device.name
        let sectorSize = device.logicalSectorSize ?? 512
        let result: PartitionTableParser.Result
        do {
            result = try PartitionTableParser.parse(sectorSize: sectorSize) { (offset, count) throws(HostFileError) in
                try files.bytes(.dev, node, offset: offset, count: count)
            }
        } catch {
            unreadable.append(error)
            return
        }
        for problem in result.problems {
            diagnostics.append(Diagnostic(collector: collector, path: files.path(.dev, node), error: problem))
        }
        guard let table = result.table else { return }
        device.partitionTableType = table.type
        device.partitionTableId = table.id
        for entry in table.entries {
            guard let index = device.partitions.firstIndex(where: { $0.number == entry.number }) else { continue }
            device.partitions[index].typeId = entry.typeId
            device.partitions[index].typeName = entry.typeName
            device.partitions[index].uuid = entry.uuid
            device.partitions[index].label = entry.label
            device.partitions[index].bootable = entry.bootable
        }
    }

    /// One diagnostic per kind of failure, naming the devices, rather than one per disk.
    static func summarize(_ errors: [HostFileError], collector: String) -> [Diagnostic] {
        var byKind: [String: [String]] = [:]
        var order: [String] = []
        for error in errors {
            let kind = error.description
            if byKind[kind] == nil { order.append(kind) }
            byKind[kind, default: []].append(error.path)
        }
        return order.map { kind in
            let paths = byKind[kind]!
            return Diagnostic(
                collector: collector, path: paths.count == 1 ? paths[0] : nil,
                error: "\(kind) reading the partition table of \(paths.joined(separator: ", ")); partition types, UUIDs and labels are left out")
        }
    }

    // MARK: SCSI and NVMe

    private func readSCSIHosts(_ diagnostics: inout [Diagnostic]) -> ([SCSIHost], [String: String]) {
        guard let names = try? files.list(.sys, "class/scsi_host") else { return ([], [:]) }
        var hosts: [SCSIHost] = []
        var paths: [String: String] = [:]
        for name in names {
            guard name.hasPrefix("host"), let number = Int(name.dropFirst(4)) else { continue }
            var host = SCSIHost(name: name, number: number)
            host.procName = (try? files.text(.sys, "class/scsi_host/\(name)/proc_name"))?.trimmed()
            let path = files.resolved(.sys, "class/scsi_host/" + name)
            if let path { paths[name] = path }
            host.controllerAddress = path.flatMap(BlockTransport.pciAddress)?.description
            for kind in ["sas", "fc", "iscsi", "spi"] where files.exists(.sys, "class/\(kind)_host/\(name)") {
                host.transport = kind
                break
            }
            if host.transport == nil {
                if path?.split(separator: "/").contains(where: { $0.hasPrefix("usb") }) == true {
                    host.transport = "usb"
                } else if let proc = host.procName, proc.hasPrefix("ahci") || proc.hasPrefix("sata") {
                    host.transport = "sata"
                }
            }
            hosts.append(host)
        }
        return (hosts.sorted { $0.number < $1.number }, paths)
    }

    private func readSCSIDevices(_ diagnostics: inout [Diagnostic]) -> ([SCSIDevice], [String: String]) {
        guard let names = try? files.list(.sys, "class/scsi_device") else { return ([], [:]) }
        var devices: [(SCSIAddress, SCSIDevice)] = []
        var paths: [String: String] = [:]
        for name in names {
            guard let address = SCSIAddress(name) else { continue }
            let base = "class/scsi_device/\(name)/device"
            func attribute(_ relative: String) -> String? {
                (try? files.text(.sys, base + "/" + relative)).map { $0.trimmed() }.flatMap { $0.isEmpty ? nil : $0 }
            }
            var device = SCSIDevice(address: name)
            device.type = attribute("type").flatMap { Int($0) }
            device.typeName = device.type.flatMap(SCSIDevice.typeName)
            device.vendor = attribute("vendor")
            device.model = attribute("model")
            device.revision = attribute("rev")
            device.state = attribute("state")
            device.blockDevice = (try? files.list(.sys, base + "/block"))?.first
            device.genericDevice = (try? files.list(.sys, base + "/scsi_generic"))?.first
            if let path = files.resolved(.sys, base) { paths[name] = path }
            devices.append((address, device))
        }
        return (devices.sorted { $0.0 < $1.0 }.map(\.1), paths)
    }

    private func readNVMeControllers(_ diagnostics: inout [Diagnostic]) -> ([NVMeController], [String: String]) {
        guard let names = try? files.list(.sys, "class/nvme") else { return ([], [:]) }
        var controllers: [NVMeController] = []
        var paths: [String: String] = [:]
        for name in names where name.hasPrefix("nvme") {
            let base = "class/nvme/" + name
            func attribute(_ relative: String) -> String? {
                (try? files.text(.sys, base + "/" + relative)).map { $0.trimmed() }.flatMap { $0.isEmpty ? nil : $0 }
            }
            var controller = NVMeController(name: name)
            controller.model = attribute("model")
            controller.serial = attribute("serial")
            controller.firmwareRevision = attribute("firmware_rev")
            controller.transport = attribute("transport")
            controller.controllerId = attribute("cntlid").flatMap { Int($0) }
            controller.state = attribute("state")
            controller.subsystemNqn = attribute("subsysnqn")
            let path = files.resolved(.sys, base)
            if let path { paths[name] = path }
            controller.address = (controller.transport == "pcie" ? attribute("address") : nil)
                ?? path.flatMap(BlockTransport.pciAddress)?.description
            controllers.append(controller)
        }
        return (controllers, paths)
    }

    /// `nvme0n1` → `nvme0` (the controller in its path, or by name under native multipath where the
    /// namespace hangs off the subsystem: `nvme0c1n1` → `nvme0`).
    static func nvmeControllerName(name: String, path: String?) -> String? {
        guard name.hasPrefix("nvme") else { return nil }
        if let path, let part = path.split(separator: "/").first(where: { $0.hasPrefix("nvme") && Int($0.dropFirst(4)) != nil }) {
            return String(part)
        }
        let digits = name.dropFirst(4).prefix { $0.isNumber }
        return digits.isEmpty ? nil : "nvme" + digits
    }
}
