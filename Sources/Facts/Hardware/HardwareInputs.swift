/// Everything the hardware tree is built from, read once by `HardwareInventory` and turned into nodes by
/// `HardwareTreeBuilder` without further I/O (so the builder can be tested on made-up inputs).
public struct HardwareInputs {
    public var hostname: String?
    public var dmi: DMIFacts?
    public var pci: [PCIReader.Function] = []
    public var storage: StorageFacts?
    /// Resolved sysfs paths of block devices by name.
    public var blockPaths: [String: String] = [:]
    /// Resolved sysfs paths of SCSI hosts by name (`host0`).
    public var scsiHostPaths: [String: String] = [:]
    public var usb: [USBDevice] = []
    public var network: [NetworkInterfaceProbe.Interface] = []
    public var mounts = MountTable(parsing: "")
    /// Virtio devices: `virtio1` → (resolved sysfs path, driver).
    public var virtio: [(name: String, path: String, driver: String?)] = []
    /// Memory the kernel manages (`SYS/devices/system/memory` blocks online), for the memory node when
    /// SMBIOS has no memory devices.
    public var systemMemoryBytes: UInt64?
    /// Processors the kernel sees, for the `smp` capability.
    public var cpuCount: Int?

    public init() {}
}
