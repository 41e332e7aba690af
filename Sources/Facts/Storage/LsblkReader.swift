/// Reads what `mkagent lsblk` prints, the way util-linux lsblk 2.38 reads it: `SYS/block` and each
/// device's attributes, the SCSI host classes for the transport, udev's database (`RUN/udev/data`) for
/// serials, models and WWNs, and `PROC/self/mountinfo` and `PROC/swaps` for mount points.
public struct LsblkReader {
    public let files: HostFiles
    public let collector: String

    public init(files: HostFiles, collector: String = "lsblk") {
        self.files = files
        self.collector = collector
    }

    public struct Result {
        /// Whole devices in `SYS/block` order, partitions inside them.
        public var devices: [LsblkDevice]
        public var diagnostics: [Diagnostic]
    }

    public func read() -> Result {
        var diagnostics: [Diagnostic] = []
        let names: [String]
        do {
            names = try files.list(.sys, "block")
        } catch {
            diagnostics.append(Diagnostic(
                collector: collector, path: error.path, error: "\(error); no block devices listed", severity: .error))
            return Result(devices: [], diagnostics: diagnostics)
        }
        let mounts = readMounts(&diagnostics)
        let udev = UdevDatabase(files: files)
        let hasUdev = udev.isPresent
        var devices: [LsblkDevice] = []
        for name in names {
            let base = "block/" + name
            // Hidden devices (NVMe multipath paths) are not shown; a device-mapper device without a name
            // cannot be named.
            if integer(base + "/hidden") == 1 { continue }
            guard var device = read(base: base, name: name, wholeDisk: nil, mounts: mounts, udev: hasUdev ? udev : nil) else {
                diagnostics.append(Diagnostic(collector: collector, path: files.path(.sys, base + "/dev"), error: "no device number; \(name) left out"))
                continue
            }
            if name.hasPrefix("dm-") && device.dmName == nil { continue }
            for entry in (try? files.list(.sys, base)) ?? [] where Self.isPartitionName(entry, of: name) {
                guard files.isDirectory(.sys, base + "/" + entry),
                      let partition = read(base: base + "/" + entry, name: entry, wholeDisk: device, mounts: mounts, udev: hasUdev ? udev : nil)
                else { continue }
                device.partitions.append(partition)
            }
            devices.append(device)
        }
        return Result(devices: devices, diagnostics: diagnostics)
    }

    /// `sda1` of `sda`, `nvme0n1p1` of `nvme0n1`: the disk's name followed by a digit or by `p` and a digit.
    static func isPartitionName(_ entry: String, of disk: String) -> Bool {
        guard entry.count > disk.count, entry.hasPrefix(disk) else { return false }
        let rest = entry.dropFirst(disk.count)
        if rest.first?.isASCII == true, rest.first!.isNumber { return true }
        return rest.first == "p" && rest.dropFirst().first.map { $0.isASCII && $0.isNumber } == true
    }

    private func read(base: String, name: String, wholeDisk: LsblkDevice?, mounts: LsblkMounts, udev: UdevDatabase?) -> LsblkDevice? {
        guard let numbers = text(base + "/dev").map(SysfsValue.trimmed)?.split(separator: ":"), numbers.count == 2,
              let major = UInt32(numbers[0]), let minor = UInt32(numbers[1]) else { return nil }
        var device = LsblkDevice(name: name, major: major, minor: minor)
        device.wholeDisk = wholeDisk?.name
        device.sizeBytes = (text(base + "/size").flatMap { UInt64(SysfsValue.trimmed($0)) } ?? 0) << 9
        device.removable = integer(base + "/removable") ?? wholeDisk?.removable
        device.readOnly = integer(base + "/ro")
        // Partitions have no queue directory; lsblk reads the disk's.
        device.rotational = text(base + "/queue/rotational") ?? wholeDisk?.rotational
        device.logicalSectorSize = text(base + "/queue/logical_block_size") ?? wholeDisk?.logicalSectorSize
        device.physicalSectorSize = text(base + "/queue/physical_block_size") ?? wholeDisk?.physicalSectorSize
        device.start = text(base + "/start")
        device.model = text(base + "/device/model")
        device.serial = text(base + "/device/serial")
        device.vendor = text(base + "/device/vendor")
        device.revision = text(base + "/device/rev")
        device.scsiType = integer(base + "/device/type")
        if name.hasPrefix("dm-") {
            device.dmName = text(base + "/dm/name")
            device.dmUUID = text(base + "/dm/uuid")
        }
        if name.hasPrefix("md") { device.mdLevel = text(base + "/md/level") }
        if name.hasPrefix("loop") { device.hasBackingFile = files.exists(.sys, base + "/loop/backing_file") }
        if let link = try? files.linkTarget(.sys, base + "/device"),
           let address = link.split(separator: "/").last.flatMap(SCSIAddress.init) {
            device.hctl = address.description
        }
        device.transport = transport(name: name, hctl: device.hctl.flatMap(SCSIAddress.init))
        if let udev, let record = try? udev.block("\(major):\(minor)") {
            Self.apply(record, to: &device)
        }
        let found = mounts.mountpoints(major: major, minor: minor, path: Self.path(of: device))
        device.mountpoints = found.all
        device.mountpoint = found.best
        device.holders = (try? files.list(.sys, base + "/holders")) ?? []
        device.slaveCount = ((try? files.list(.sys, base + "/slaves")) ?? []).count
        return device
    }

    /// The device node lsblk names: `/dev/mapper/NAME` for device-mapper devices, else `/dev/` and the
    /// kernel name with `!` as `/`.
    public static func path(of device: LsblkDevice) -> String {
        if let dmName = device.dmName { return "/dev/mapper/" + dmName }
        return "/dev/" + LsblkColumn.kernelName(device.name, paths: false)
    }

    /// lsblk's choice among udev's properties: the SCSI serial (sg3_utils' name first), then the short and
    /// the full serial; the encoded model, then the plain one; the WWN with its extension, then without.
    static func apply(_ record: UdevDeviceRecord, to device: inout LsblkDevice) {
        if let serial = record["SCSI_IDENT_SERIAL"] ?? record["ID_SCSI_SERIAL"] ?? record["ID_SERIAL_SHORT"] ?? record["ID_SERIAL"] {
            device.udevSerial = LsblkText.normalizeWhitespace(serial)
        }
        if let model = record["ID_MODEL_ENC"] {
            device.udevModel = LsblkText.normalizeWhitespace(StorageReader.decodeUdevEscapes(model))
        } else if let model = record["ID_MODEL"] {
            device.udevModel = LsblkText.normalizeWhitespace(model)
        }
        device.udevWWN = record["ID_WWN_WITH_EXTENSION"] ?? record["ID_WWN"]
    }

    /// lsblk's TRAN, in its order: the SCSI host's class (spi, fc/fcoe, sas, iscsi), FireWire, a USB path,
    /// the SCSI host's driver name (ahci/sata* → sata, *ata* → ata); NVMe by name.
    private func transport(name: String, hctl: SCSIAddress?) -> String? {
        if let hctl {
            let host = "host\(hctl.host)"
            let device = "bus/scsi/devices/\(hctl)"
            if files.isDirectory(.sys, "class/spi_host/" + host) { return "spi" }
            if files.isDirectory(.sys, "class/fc_host/" + host) {
                guard let symbolic = text("class/fc_host/\(host)/symbolic_name") else { return nil }
                return symbolic.contains(" over ") ? "fcoe" : "fc"
            }
            if files.isDirectory(.sys, "class/sas_host/" + host) || files.exists(.sys, device + "/sas_device") { return "sas" }
            if files.exists(.sys, device + "/ieee1394_id") { return "sbp" }
            if files.isDirectory(.sys, "class/iscsi_host/" + host) { return "iscsi" }
            if files.exists(.sys, device), (try? files.linkTarget(.sys, device))?.contains("usb") == true { return "usb" }
            if files.isDirectory(.sys, "class/scsi_host/" + host) {
                guard let procName = text("class/scsi_host/\(host)/proc_name") else { return nil }
                if procName.hasPrefix("ahci") || procName.hasPrefix("sata") { return "sata" }
                return procName.contains("ata") ? "ata" : nil
            }
        }
        return name.hasPrefix("nvme") ? "nvme" : nil
    }

    private func readMounts(_ diagnostics: inout [Diagnostic]) -> LsblkMounts {
        var table = LsblkMounts()
        do {
            table.mounts = LsblkMounts.parseMountInfo(try files.text(.proc, "self/mountinfo"))
        } catch {
            diagnostics.append(Diagnostic(collector: collector, path: error.path, error: "\(error); mount points left out"))
        }
        if let swaps = try? files.text(.proc, "swaps") { table.swaps = LsblkMounts.parseSwaps(swaps) }
        return table
    }

    /// An attribute as lsblk reads it: the file less one trailing newline; nil when missing or empty.
    private func text(_ relative: String) -> String? {
        guard let value = try? files.text(.sys, relative), !value.isEmpty else { return nil }
        return value
    }

    /// An attribute read as `%d`: leading blanks, an optional sign and digits.
    private func integer(_ relative: String) -> Int? {
        guard let value = text(relative) else { return nil }
        var rest = Substring(value)
        rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
        var sign = ""
        if let first = rest.first, first == "-" || first == "+" {
            sign = first == "-" ? "-" : ""
            rest = rest.dropFirst()
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? nil : Int(sign + digits)
    }
}
