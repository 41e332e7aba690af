/// The columns `mkagent lsblk` prints, with util-linux lsblk 2.38's header, width hint, alignment and JSON
/// type for each, and the value lsblk shows.
public enum LsblkColumn: String, CaseIterable, Sendable {
    case name = "NAME", kname = "KNAME", pkname = "PKNAME", path = "PATH", majMin = "MAJ:MIN", rm = "RM"
    case size = "SIZE", ro = "RO", type = "TYPE", mountpoint = "MOUNTPOINT", mountpoints = "MOUNTPOINTS"
    case rota = "ROTA", model = "MODEL", serial = "SERIAL", tran = "TRAN", vendor = "VENDOR", wwn = "WWN"
    case hctl = "HCTL", rev = "REV", logSec = "LOG-SEC", phySec = "PHY-SEC", start = "START"

    /// lsblk's columns when `-o` is not given.
    public static let defaults: [LsblkColumn] = [.name, .majMin, .rm, .size, .ro, .type, .mountpoints]

    /// A column by name, case-insensitively, as `-o` takes it.
    public init?(named name: some StringProtocol) {
        guard let column = Self(rawValue: name.uppercased()) else { return nil }
        self = column
    }

    public enum JSONType: Sendable { case string, number, boolean, strings }

    /// Width hint: a minimum width in cells when 1 or more (a fraction is a share of a terminal, which
    /// output to a pipe or file does not use).
    var widthHint: Double {
        switch self {
        case .name: return 0.25
        case .kname, .pkname, .path: return 0.3
        case .majMin, .tran: return 6
        case .rm, .ro, .rota: return 1
        case .size, .start: return 5
        case .type, .rev: return 4
        case .mountpoint, .mountpoints, .model, .serial, .vendor: return 0.1
        case .wwn: return 18
        case .hctl: return 10
        case .logSec, .phySec: return 7
        }
    }

    var isRightAligned: Bool {
        switch self {
        case .rm, .size, .ro, .rota, .rev, .logSec, .phySec, .start: return true
        default: return false
        }
    }

    /// MOUNTPOINTS holds one mount point a line.
    var isMultiLine: Bool { self == .mountpoints }

    func jsonType(bytes: Bool) -> JSONType {
        switch self {
        case .rm, .ro, .rota: return .boolean
        case .logSec, .phySec, .start: return .number
        case .size: return bytes ? .number : .string
        case .mountpoints: return .strings
        default: return .string
        }
    }

    /// What lsblk prints in this column for `device`, under `parent` in the tree (nil: nothing).
    func value(of device: LsblkDevice, parent: LsblkDevice?, options: LsblkRenderer.Options) -> String? {
        let whole = !device.isPartition && device.slaveCount == 0
        switch self {
        case .name:
            if let dmName = device.dmName { return options.paths ? "/dev/mapper/" + dmName : dmName }
            return Self.kernelName(device.name, paths: options.paths)
        case .kname: return Self.kernelName(device.name, paths: options.paths)
        case .pkname: return parent.map { Self.kernelName($0.name, paths: options.paths) }
        case .path: return LsblkReader.path(of: device)
        case .majMin: return options.json ? "\(device.major):\(device.minor)" : Self.majorMinor(device.major, device.minor)
        case .rm: return (device.removable ?? 0) != 0 ? "1" : "0"
        case .ro: return (device.readOnly ?? 0) != 0 ? "1" : "0"
        case .size: return options.bytes ? String(device.sizeBytes) : LsblkText.humanSize(device.sizeBytes)
        case .type: return Self.type(of: device)
        case .mountpoint: return device.mountpoint
        case .mountpoints: return device.mountpoints.joined(separator: "\n")
        case .rota: return device.rotational
        case .model: return whole ? device.udevModel ?? device.model : nil
        case .serial: return whole ? device.udevSerial ?? device.serial : nil
        case .vendor: return whole ? device.vendor : nil
        case .rev: return whole ? device.revision : nil
        case .wwn: return device.udevWWN
        case .hctl: return device.hctl
        case .tran: return device.transport
        case .logSec: return device.logicalSectorSize
        case .phySec: return device.physicalSectorSize
        case .start: return device.start
        }
    }

    /// `/dev/` names use `/` where sysfs has `!` (`cciss!c0d0`).
    static func kernelName(_ name: String, paths: Bool) -> String {
        (paths ? "/dev/" : "") + String(name.map { $0 == "!" ? "/" : $0 })
    }

    /// `%3u:%-3u`, as lsblk aligns MAJ:MIN in its table.
    static func majorMinor(_ major: UInt32, _ minor: UInt32) -> String {
        let majorText = String(major), minorText = String(minor)
        return String(repeating: " ", count: max(0, 3 - majorText.count)) + majorText + ":" + minorText
            + String(repeating: " ", count: max(0, 3 - minorText.count))
    }

    /// `part`; a device-mapper device's owner from its UUID prefix (`lvm`, `crypt`, `mpath`, `part` for
    /// kpartx's `partN-`), else `dm`; `loop`; an md device's RAID level; a SCSI device's peripheral type; `disk`.
    static func type(of device: LsblkDevice) -> String {
        if device.isPartition { return "part" }
        let type: String
        if device.name.hasPrefix("dm-") {
            if let uuid = device.dmUUID {
                let prefix = uuid.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? uuid
                type = prefix.lowercased().hasPrefix("part") ? String(prefix.prefix(4)) : prefix
            } else {
                type = "dm"
            }
        } else if device.name.hasPrefix("loop") {
            type = "loop"
        } else if device.name.hasPrefix("md") {
            type = device.mdLevel ?? "md"
        } else {
            type = device.scsiType.flatMap { scsiTypes[$0] } ?? "disk"
        }
        return type.lowercased()
    }

    /// util-linux's names of SCSI peripheral device types.
    static let scsiTypes: [Int: String] = [
        0x00: "disk", 0x01: "tape", 0x02: "printer", 0x03: "processor", 0x04: "worm", 0x05: "rom", 0x06: "scanner",
        0x07: "mo-disk", 0x08: "changer", 0x09: "comm", 0x0C: "raid", 0x0D: "enclosure", 0x0E: "rbc", 0x11: "osd",
        0x7F: "no-lun",
    ]
}
