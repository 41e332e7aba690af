/// The CPUs of one machine, assembled from cpuinfo, sysfs and the host probes the way util-linux 2.38
/// lscpu assembles them. Both the `cpu` facts section and `mkagent lscpu` are renderings of this value.
public struct CPUInventory: Sendable, Equatable {
    /// What the reader gathered; the inventory is a pure function of it.
    public struct Sources: Sendable, Equatable {
        public var cpuinfo: CPUInfo?
        public var sysfs: CPUSysfs
        public var probes: CPUHostProbes

        public init(cpuinfo: CPUInfo?, sysfs: CPUSysfs, probes: CPUHostProbes) {
            self.cpuinfo = cpuinfo
            self.sysfs = sysfs
            self.probes = probes
        }
    }

    /// One kind of CPU: all CPUs on most machines, one per core kind on big.LITTLE.
    public struct CPUType: Sendable, Equatable {
        public var vendor: String?
        public var machineType: String?
        public var family: String?
        public var model: String?
        public var modelName: String?
        public var revision: String?
        public var stepping: String?
        public var bogomips: String?
        public var flags: String?
        public var maxThreadID: String?
        public var addressSizes: String?
        public var dynamicMHz: String?
        public var staticMHz: String?
        /// s390 dispatching mode (0 horizontal, 1 vertical); default type only.
        public var dispatching: Int?
        /// cpufreq boost; default type only.
        public var frequencyBoost: Bool?

        /// Distinct topology masks among this type's CPUs.
        public var threadsPerCore = 0
        public var cores = 0
        public var sockets = 0
        public var books = 0
        public var drawers = 0
        public var coresPerSocket = 0
        public var socketsPerBook = 0
        public var booksPerDrawer = 0
        public var drawersPerSystem = 0
        /// Some CPU of this type has cpufreq limits.
        public var hasFrequency = false

        /// Topology masks, kept for the logical numbering of `lscpu -e` and `-p`.
        public var coreMaps: [CPUSet] = []
        public var socketMaps: [CPUSet] = []
        public var bookMaps: [CPUSet] = []
        public var drawerMaps: [CPUSet] = []

        init(_ info: CPUInfo.CPUType) {
            vendor = info.vendor
            family = info.family
            model = info.model
            modelName = info.modelName
            revision = info.revision
            stepping = info.stepping
            bogomips = info.bogomips
            flags = info.flags
            maxThreadID = info.maxThreadID
            addressSizes = info.addressSizes
            dynamicMHz = info.dynamicMHz
            staticMHz = info.staticMHz
        }
    }

    /// One possible CPU.
    public struct CPU: Sendable, Equatable {
        public var id: Int
        public var typeIndex: Int?
        public var coreID: Int?
        public var socketID: Int?
        public var bookID: Int?
        public var drawerID: Int?
        public var polarization: String?
        public var address: Int?
        public var configured: Int?
        /// cpufreq limits and the current frequency, in MHz as lscpu computes them (single precision).
        public var maxMHz: Float = 0
        public var minMHz: Float = 0
        public var currentMHz: Float = 0
        /// kHz as the kernel wrote them, for the facts.
        public var maxKHz: Int?
        public var minKHz: Int?
        public var currentKHz: Int?
        /// cpuinfo's `cpu MHz`, for the facts (exact where the single-precision value is not).
        public var cpuinfoMHz: Double?
        public var bogomips: String?

        public init(id: Int) {
            self.id = id
        }
    }

    /// One cache instance (the cache of one core, one cluster, one socket...).
    public struct Cache: Sendable, Equatable {
        /// `L1d`, `L1i`, `L2`, `L3`.
        public var name: String
        public var type: String
        public var level: Int
        public var id: Int
        public var sizeBytes: UInt64 = 0
        public var waysOfAssociativity: Int?
        public var physicalLinePartition: Int?
        public var numberOfSets: Int?
        public var coherencyLineSize: Int?
        public var allocationPolicy: String?
        public var writePolicy: String?
        public var sharedCPUs: CPUSet?
    }

    public struct Node: Sendable, Equatable {
        public var id: Int
        public var cpus: CPUSet
    }

    public struct Vulnerability: Sendable, Equatable {
        /// The sysfs file (`spectre_v2`).
        public var file: String
        /// lscpu's name (`Spectre v2`).
        public var name: String
        /// The kernel's text.
        public var text: String

        /// lscpu's rendering: `Mitigation: X` becomes `Mitigation; X`, and other colons go.
        public var lscpuText: String {
            guard text.hasPrefix("Mitigation") else { return text }
            let rest = text.dropFirst("Mitigation".count)
            guard !rest.isEmpty else { return text }
            return "Mitigation;" + rest.dropFirst().filter { $0 != ":" }
        }
    }

    /// uname's machine when live; otherwise what the files show (nil when they do not tell).
    public var architecture: String?
    public var bigEndian: Bool?
    public var supports32Bit = false
    public var supports64Bit = false
    /// Size of the kernel's CPU masks (kernel_max + 1).
    public var maxCPUs = 2048
    public var possible = CPUSet.empty
    public var present: CPUSet?
    public var online: CPUSet?
    public var types: [CPUType] = []
    /// One per possible CPU, in ascending order.
    public var cpus: [CPU] = []
    /// Sorted by name; several instances share a name.
    public var caches: [Cache] = []
    /// Shared caches listed only in cpuinfo (s390).
    public var sharedCaches: [CPUInfo.SharedCache] = []
    public var nodes: [Node] = []
    public var vulnerabilities: [Vulnerability] = []
    public var virtualization = CPUVirtualization()
    /// The firmware's first processor, on the running machine only (lscpu's `BIOS ...` lines).
    public var biosProcessor: BIOSProcessor?
    /// The machine is the one mkagent runs on (not a dump).
    public var live = false

    public init() {}

    public var defaultType: CPUType? { types.first }

    public func isPresent(_ cpu: CPU) -> Bool { present?.contains(cpu.id) ?? false }
    public func isOnline(_ cpu: CPU) -> Bool { online?.contains(cpu.id) ?? false }

    /// The highest cpufreq maximum among the present CPUs of a type.
    public func maxMHz(type: Int) -> Float {
        cpus.filter { $0.typeIndex == type && isPresent($0) }.map(\.maxMHz).max().map { max($0, 0) } ?? 0
    }

    /// The lowest cpufreq minimum among the present CPUs of a type (-1 when none is present, as lscpu).
    public func minMHz(type: Int) -> Float {
        cpus.filter { $0.typeIndex == type && isPresent($0) }.map(\.minMHz).min() ?? -1
    }

    /// Current over maximum frequency of the type's present CPUs, in percent; 0 when unknown.
    public func scalingPercent(type: Int) -> Float {
        var maximum: Float = 0, current: Float = 0
        for cpu in cpus where cpu.typeIndex == type && isPresent(cpu) && cpu.maxMHz > 0 && cpu.currentMHz > 0 {
            maximum += cpu.maxMHz
            current += cpu.currentMHz
        }
        return current <= 0 ? 0 : current / maximum * 100
    }

    /// Total size and instance count of the caches with this name.
    public func cacheTotal(_ name: String) -> (bytes: UInt64, instances: Int) {
        let matching = caches.filter { $0.name == name }
        return (matching.reduce(0) { $0 + $1.sizeBytes }, matching.count)
    }

    /// Cache names in lscpu order (sorted, each once).
    public var cacheNames: [String] {
        var names: [String] = []
        for cache in caches where names.last != cache.name { names.append(cache.name) }
        return names
    }
}
