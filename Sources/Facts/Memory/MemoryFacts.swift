/// The `memory` section: the kernel's view (`meminfo`), hot-pluggable memory blocks, NUMA nodes and the
/// modules the firmware lists (SMBIOS type 17). Sizes in bytes; a value that could not be read is absent.
public struct MemoryFacts: Sendable, Equatable, Codable {
    public var totalBytes: UInt64?
    public var freeBytes: UInt64?
    public var availableBytes: UInt64?
    public var buffersBytes: UInt64?
    public var cachedBytes: UInt64?
    public var swapTotalBytes: UInt64?
    public var swapFreeBytes: UInt64?
    /// `devices/system/memory/block_size_bytes`: the unit memory is onlined and offlined in.
    public var blockSizeBytes: UInt64?
    public var onlineBlocks: Int?
    public var offlineBlocks: Int?
    /// Online blocks times the block size (lsmem's "Total online memory").
    public var onlineBytes: UInt64?
    public var numaNodes: [NUMANodeMemory]
    /// Every memory socket of the SMBIOS table, populated or not, in table order.
    public var dimms: [MemoryModule]
    /// The sum of the populated sockets' sizes; nil when the table lists no sized module.
    public var installedBytes: UInt64?
    /// Where the SMBIOS table was read; nil when none was found.
    public var dimmSource: String?

    public init() {
        numaNodes = []
        dimms = []
    }

    /// Takes the totals from a parsed `meminfo`.
    mutating func apply(_ info: MemInfo) {
        totalBytes = info.values["MemTotal"]
        freeBytes = info.values["MemFree"]
        availableBytes = info.values["MemAvailable"]
        buffersBytes = info.values["Buffers"]
        cachedBytes = info.values["Cached"]
        swapTotalBytes = info.values["SwapTotal"]
        swapFreeBytes = info.values["SwapFree"]
    }

    /// Takes the module list from a decoded SMBIOS table.
    mutating func apply(_ devices: [MemoryDevice], source: String) {
        dimms = devices.map(MemoryModule.init)
        dimmSource = source
        let sizes = devices.compactMap(\.sizeBytes)
        installedBytes = sizes.isEmpty ? nil : sizes.reduce(0, +)
    }
}
