/// Pure parsers for the text of a PCI function's sysfs attributes.
public enum PCISysfsValue {
    /// `0x1af4` → 0x1af4 (vendor, device, subsystem_*, revision).
    public static func hexNumber(_ text: String) -> UInt64? { HexText.parse(text) }

    /// `class`: `0x020000` → (0x02, 0x00, 0x00).
    public static func classCode(_ text: String) -> (base: UInt8, sub: UInt8, interface: UInt8)? {
        guard let code = HexText.parse(text), code <= 0xFFFFFF else { return nil }
        return (UInt8(code >> 16), UInt8(code >> 8 & 0xFF), UInt8(code & 0xFF))
    }

    /// `current_link_speed`: `8.0 GT/s PCIe` (or `8 GT/s`, `2.5 GT/s`) → 8000 MT/s; nil for `Unknown` or
    /// `0`.
    public static func linkSpeedMTs(_ text: String) -> Int? {
        let words = text.trimmed().split(separator: " ")
        guard words.count >= 2, words[1] == "GT/s", let rate = Double(words[0]), rate > 0 else { return nil }
        return Int((rate * 1000).rounded())
    }

    /// `current_link_width`: lanes; nil for 0 and 255 (no link / reserved), which some devices report.
    public static func linkWidth(_ text: String) -> Int? {
        guard let width = Int(text.trimmed()), width > 0, width < 255 else { return nil }
        return width
    }

    /// `resource` (one `start end flags` line per BAR, then ROM and bridge windows): whether one of the
    /// function's BARs (6 for a normal header, 2 for a bridge) is 64-bit memory (IORESOURCE_MEM_64).
    public static func hasMemory64BitBAR(_ text: String, headerType: UInt8) -> Bool {
        let bars = headerType == 0 ? 6 : headerType == 1 ? 2 : 0
        return text.split(separator: "\n").prefix(bars).contains { line in
            let fields = line.split(separator: " ")
            guard fields.count == 3, let flags = HexText.parse(fields[2]) else { return false }
            return flags & 0x0010_0000 != 0 && flags & 0x200 != 0
        }
    }

    /// A decimal attribute (`irq`, `numa_node`, `sriov_totalvfs`); nil when not a number.
    public static func integer(_ text: String) -> Int? { Int(text.trimmed()) }

    /// The last part of a sysfs link target (`../../../bus/pci/drivers/virtio-pci` → `virtio-pci`).
    public static func lastComponent(_ link: String) -> String? {
        link.split(separator: "/").last.map(String.init)
    }

    /// The upstream bridge in a resolved device path (`devices/pci0000:00/0000:00:02.3/0000:04:00.0` →
    /// `0000:00:02.3`); nil when the function sits on a root bus.
    public static func parentAddress(devicePath: String) -> PCIAddress? {
        let parts = devicePath.split(separator: "/")
        guard parts.count >= 2 else { return nil }
        return PCIAddress(parts[parts.count - 2])
    }

    /// lshw's names for capability ids; ids it does not name get a descriptive name of their own.
    public static func capabilityName(_ id: UInt8) -> String {
        switch id {
        case 0x01: return "pm"
        case 0x02: return "agp"
        case 0x03: return "vpd"
        case 0x04: return "slotid"
        case 0x05: return "msi"
        case 0x06: return "hotswap"
        case 0x07: return "pcix"
        case 0x08: return "ht"
        case 0x09: return "vendor_specific"
        case 0x0A: return "debug"
        case 0x0B: return "ccrc"
        case 0x0C: return "hotplug"
        case 0x0D: return "bridge_subsystem"
        case 0x0E: return "agp8x"
        case 0x0F: return "secure"
        case 0x10: return "pciexpress"
        case 0x11: return "msix"
        case 0x12: return "sata"
        case 0x13: return "af"
        case 0x14: return "ea"
        default: return "cap_0x" + HexText.lower(UInt64(id), digits: 2)
        }
    }
}
