/// The CPU attributes of `/sys/devices/system/cpu` and `/sys/devices/system/node`, read but not yet
/// interpreted. nil means the attribute was absent or unreadable (kernels and architectures differ in
/// what they publish; a dump may hold only part of the tree).
public struct CPUSysfs: Sendable, Equatable {
    /// `kernel_max`: the highest CPU number the kernel was built for (NR_CPUS - 1).
    public var kernelMax: Int?
    public var possible: CPUSet?
    public var present: CPUSet?
    public var online: CPUSet?
    /// s390 `dispatching`: 0 horizontal, 1 vertical.
    public var dispatching: Int?
    /// `cpufreq/boost`: 1 when frequency boost (turbo) is enabled.
    public var frequencyBoost: Int?
    public var vulnerabilities: [Vulnerability] = []
    public var nodes: [Node] = []
    /// `cpuN` directories, by N.
    public var processors: [Int: Processor] = [:]

    public init() {}

    /// One file of `vulnerabilities/`.
    public struct Vulnerability: Sendable, Equatable {
        /// The file name (`spectre_v2`).
        public var file: String
        /// Its content, as the kernel wrote it (`Mitigation: Retpolines; ...`).
        public var text: String
    }

    /// `node/nodeN`.
    public struct Node: Sendable, Equatable {
        public var id: Int
        /// `cpumap`; nil when unreadable.
        public var cpus: CPUSet?
    }

    /// `cpu/cpuN`.
    public struct Processor: Sendable, Equatable {
        public var id: Int
        /// `topology/` exists.
        public var hasTopology = false
        /// Topology masks; lscpu uses CPUs whose `thread_siblings` exists.
        public var threadSiblings: CPUSet?
        public var coreSiblings: CPUSet?
        public var bookSiblings: CPUSet?
        public var drawerSiblings: CPUSet?
        public var coreID: Int?
        /// `physical_package_id`.
        public var socketID: Int?
        public var bookID: Int?
        public var drawerID: Int?
        /// s390 `polarization` (`horizontal`, `vertical:high`, ...).
        public var polarization: String?
        /// s390 `address`.
        public var address: Int?
        /// s390 `configure`.
        public var configured: Int?
        /// `cpufreq/cpuinfo_max_freq`, `cpuinfo_min_freq`, `scaling_cur_freq`, in kHz.
        public var maxKHz: Int?
        public var minKHz: Int?
        public var currentKHz: Int?
        public var caches: [CacheIndex] = []

        public init(id: Int) {
            self.id = id
        }
    }

    /// `cache/indexN` (or, on SPARC, the `l1_icache_size` family of files).
    public struct CacheIndex: Sendable, Equatable {
        public var id: Int?
        public var level: Int?
        /// `Data`, `Instruction`, `Unified`.
        public var type: String?
        public var sizeBytes: UInt64?
        public var sharedCPUs: CPUSet?
        public var waysOfAssociativity: Int?
        public var physicalLinePartition: Int?
        public var numberOfSets: Int?
        public var coherencyLineSize: Int?
        public var allocationPolicy: String?
        public var writePolicy: String?
        /// SPARC caches have no shared map: each is private to its CPU.
        public var isPrivateByConvention = false

        public init() {}

        /// A sysfs cache size (`32K`, `1024K`, `8M`, or plain bytes), in bytes; suffixes are powers of 1024
        /// as util-linux's parse_size() reads them.
        public static func parseSize(_ text: String) -> UInt64? {
            let trimmed = text.trimmingWhitespace
            let digits = trimmed.prefix(while: { $0.isASCII && $0.isNumber })
            guard let number = UInt64(digits) else { return nil }
            var suffix = trimmed.dropFirst(digits.count).uppercased()
            if suffix.hasSuffix("IB") { suffix.removeLast(2) } else if suffix.hasSuffix("B") { suffix.removeLast() }
            let shifts: [String: UInt64] = ["": 0, "K": 10, "M": 20, "G": 30, "T": 40]
            guard let shift = shifts[suffix] else { return nil }
            let (value, overflow) = number.multipliedReportingOverflow(by: 1 << shift)
            return overflow ? nil : value
        }
    }
}
