/// The memory of one NUMA node, from `devices/system/node/nodeN/meminfo`.
public struct NUMANodeMemory: Sendable, Equatable, Codable {
    public var node: Int
    public var totalBytes: UInt64?
    public var freeBytes: UInt64?
    public var usedBytes: UInt64?

    public init(node: Int, totalBytes: UInt64? = nil, freeBytes: UInt64? = nil, usedBytes: UInt64? = nil) {
        self.node = node
        self.totalBytes = totalBytes
        self.freeBytes = freeBytes
        self.usedBytes = usedBytes
    }
}
