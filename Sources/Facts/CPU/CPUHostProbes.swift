/// Everything besides cpuinfo and the CPU sysfs tree that tells what machine this is: whether the trees
/// belong to the running kernel, and the traces hypervisors and containers leave in procfs.
///
/// When the proc root is not the running kernel's (a dump, a fixture), only the files are used, as lscpu
/// does with `--sysroot`: the CPUID instruction and the uname of the machine mkagent runs on say nothing
/// about the dumped machine.
public struct CPUHostProbes: Sendable, Equatable {
    /// The proc root is a mounted procfs, so the trees describe the machine mkagent runs on.
    public var live = false
    /// uname's machine (`x86_64`), only when live.
    public var machine: String?
    /// `sys/kernel/osrelease` (WSL kernels say `Microsoft`).
    public var osRelease: String?
    /// `iSeries` exists (legacy IBM iSeries, para-virtualized on OS/400).
    public var hasISeries = false
    /// `device-tree/compatible`, split at its NULs.
    public var deviceTreeCompatible: [String] = []
    /// `device-tree/ibm,partition-name`, `hmc-managed?`, `chosen/qemu,graphic-width` exist (PowerVM).
    public var hasPartitionName = false
    public var hasHMCManaged = false
    public var hasQEMUGraphicWidth = false
    /// The first word of `device-tree/ibm,partition-name`.
    public var partitionName: String?
    /// `xen` exists; `xen/capabilities`' first word (`control_d` in dom0).
    public var hasXen = false
    public var xenCapabilities: String?
    /// `bus/pci/devices`: (vendor, device) of each function.
    public var pciDevices: [PCIID] = []
    /// s390 `sysinfo`.
    public var sysinfo: S390Sysinfo?
    /// OpenVZ: `vz` exists and `bc` does not.
    public var hasVZ = false
    public var hasBC = false
    /// `self/status` VxID (Linux-VServer).
    public var vxID: String?
    /// Live only: the hypervisor signature of CPUID leaf 0x40000000 (`KVMKVMKVM`, `VMwareVMware`).
    public var cpuidHypervisor: String?
    /// Live only: the firmware's first processor (SMBIOS type 4).
    public var biosProcessor: BIOSProcessor?
    /// Live only: SMBIOS type 0 vendor and type 1 manufacturer and product name.
    public var dmiBIOSVendor: String?
    public var dmiManufacturer: String?
    public var dmiProduct: String?
    /// Live only: `/sys/hypervisor/properties/features` (Xen).
    public var xenFeatures: UInt32?

    public init() {}

    public struct PCIID: Sendable, Equatable {
        public var vendor: UInt16
        public var device: UInt16

        public init(vendor: UInt16, device: UInt16) {
            self.vendor = vendor
            self.device = device
        }
    }

    func hasPCI(_ vendor: UInt16, _ device: UInt16) -> Bool {
        pciDevices.contains { $0.vendor == vendor && $0.device == device }
    }

    /// `bus/pci/devices`: each line starts `BBDF\tVVVVDDDD\t...` (hex); lscpu stops at the first line
    /// that does not.
    public static func parsePCIDevices(_ text: String) -> [PCIID] {
        var result: [PCIID] = []
        let bytes = Array(text.utf8)
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            guard let tab = bytes[lineStart..<lineEnd].firstIndex(of: 0x09), tab + 9 <= lineEnd else { break }
            var ids: UInt32 = 0
            for byte in bytes[(tab + 1)..<(tab + 9)] {
                guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else { return result }
                ids = ids << 4 | UInt32(digit)
            }
            result.append(PCIID(vendor: UInt16(ids >> 16), device: UInt16(ids & 0xffff)))
        }
        return result
    }
}
