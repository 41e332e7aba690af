/// `lsscsi` (0.31) lines: SCSI devices by `[h:c:t:l]` with type, vendor, model, revision and device node,
/// then NVMe namespaces as `[N:controller:cntlid:nsid]`; `--size` appends the size. RackHD's lsscsi catalog
/// parses exactly this.
public enum LsscsiRenderer {
    public struct Options: Sendable, Equatable {
        /// `-s`: size in decimal units (`3.20TB`); twice (`-ss`) binary units (`2.91TiB`).
        public var size: Int
        /// `-k`: kernel device names (`/dev/sda`) even where no node exists under /dev.
        public var kernelNames: Bool

        public init(size: Int = 0, kernelNames: Bool = false) {
            self.size = size
            self.kernelNames = kernelNames
        }
    }

    /// `nodeExists` says whether `/dev/NAME` exists on the host (lsscsi prints `-` otherwise, unless `-k`).
    public static func render(_ storage: StorageFacts, options: Options = Options(), nodeExists: (String) -> Bool) -> String {
        let blocks = Dictionary(storage.blockDevices.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var out = ""
        for device in storage.scsiDevices {
            var line = pad("[\(device.address)]", 13)
            line += (device.type.flatMap { shortTypes[$0] } ?? "type?  ") + " "
            line += pad(device.vendor ?? "", 8) + " "
            line += pad(device.model ?? "", 16) + " "
            line += pad(device.revision ?? "", 4) + "  "
            // Only a block device is shown; the SCSI generic node (sg) needs lsscsi's -g, not implemented.
            if let name = device.blockDevice {
                line += pad(options.kernelNames || nodeExists(name) ? "/dev/" + name : "-       ", 9)
            } else {
                line += pad("-", 9)
            }
            if options.size > 0 {
                let block = device.blockDevice.flatMap { blocks[$0] }
                let bytes = device.type == 0 ? block?.sizeBytes ?? 0 : 0
                line += "  " + leftPad(bytes > 0 ? sizeString(bytes, binary: options.size % 2 == 0) : "-", 6)
            }
            out += line + "\n"
        }
        for controller in storage.nvmeControllers {
            guard let instance = Int(controller.name.dropFirst(4)) else { continue }
            for name in controller.namespaces {
                guard let disk = blocks[name] else { continue }
                let nsid = disk.nvmeNamespaceId ?? 0
                var line = pad("[N:\(instance):\(controller.controllerId ?? 0):\(nsid)]", 13)
                line += "disk    "
                var model = (controller.model ?? "-    ").trimmed()
                let suffix = "__\(nsid)"
                if model.count > 41 - suffix.count { model = String(model.prefix(41 - suffix.count)) }
                line += pad(model + suffix, 41) + "  "
                line += pad(options.kernelNames || nodeExists(name) ? "/dev/" + name : "-       ", 9)
                if options.size > 0 {
                    let bytes = disk.sizeBytes ?? 0
                    line += "  " + leftPad(bytes > 0 ? sizeString(bytes, binary: options.size % 2 == 0) : "-", 6)
                }
                out += line + "\n"
            }
        }
        return out
    }

    static let shortTypes: [Int: String] = [
        0: "disk   ", 1: "tape   ", 2: "printer", 3: "process", 4: "worm   ", 5: "cd/dvd ", 6: "scanner", 7: "optical",
        8: "mediumx", 9: "comms  ", 10: "(0xa)  ", 11: "(0xb)  ", 12: "storage", 13: "enclosu", 14: "sim dsk",
        15: "opti rd", 16: "bridge ", 17: "osd    ", 18: "adi    ", 19: "sec man", 20: "zbc    ", 21: "(0x15) ",
        22: "(0x16) ", 23: "(0x17) ", 24: "(0x18) ", 25: "(0x19) ", 26: "(0x1a) ", 27: "(0x1b) ", 28: "(0x1c) ",
        29: "(0x1e) ", 30: "wlun   ", 31: "no dev ",
    ]

    /// lsscsi's `size2string`: three significant digits, `3.20TB` (decimal) or `2.91TiB` (binary).
    static func sizeString(_ bytes: UInt64, binary: Bool) -> String {
        let divisor: UInt64 = binary ? 1024 : 1000
        let units = binary ? ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"] : ["B", "kB", "MB", "GB", "TB", "PB", "EB"]
        var size = bytes
        var remainder: UInt64 = 0
        var index = 0
        var fraction = ""
        if size >= divisor {
            while size >= divisor && index < units.count - 1 {
                remainder = size % divisor
                size /= divisor
                index += 1
            }
            var digits = 0
            var scaled = size
            while scaled * 10 < 1000 {
                scaled *= 10
                digits += 1
            }
            if digits > 0 {
                let thousandths = remainder * 1000 / divisor
                var text = String(thousandths)
                text = String(repeating: "0", count: max(0, 3 - text.count)) + text
                fraction = "." + text.prefix(digits)
            }
        }
        return "\(size)\(fraction)\(units[index])"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + (width == 13 ? " " : "") : text + String(repeating: " ", count: width - text.count)
    }

    private static func leftPad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
