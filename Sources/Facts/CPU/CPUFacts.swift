/// The `cpu` section: what lscpu reports, as typed values.
///
/// Counts, sizes (bytes), frequencies (Hz, integers) and BogoMIPS are numbers; CPU lists are arrays of
/// logical CPU numbers. Identification fields (`family`, `model`, `stepping`) are strings as lscpu prints
/// them, because their form depends on the architecture (`6`, `0xd0c`, `r0p4`, `2.1 (pvr 003f 0201)`).
/// The top-level `vendor`, `model_name`, `threads_per_core`, `cores_per_socket` and `sockets` describe
/// the first CPU type; `types` lists every kind of core (several on big.LITTLE systems).
public struct CPUFacts: Sendable, Equatable, Codable {
    public var architecture: String?
    /// `little` or `big`.
    public var byteOrder: String?
    /// `32-bit`, `64-bit`.
    public var opModes: [String]
    public var addressSizes: AddressSizes?
    /// Present CPUs (lscpu's `CPU(s)`).
    public var cpuCount: Int
    public var possibleCpus: [Int]
    public var presentCpus: [Int]
    public var onlineCpus: [Int]
    /// Present but not online.
    public var offlineCpus: [Int]
    public var vendor: String?
    public var modelName: String?
    public var threadsPerCore: Int?
    public var coresPerSocket: Int?
    public var sockets: Int?
    /// Distinct cores among all CPUs (distinct thread sibling sets).
    public var cores: Int?
    public var types: [CPUTypeFacts]
    public var numaNodes: [NUMANode]
    public var virtualization: Virtualization?
    public var caches: [Cache]
    public var vulnerabilities: [Vulnerability]
    /// One entry per present CPU.
    public var cpus: [CPUEntry]

    public struct AddressSizes: Sendable, Equatable, Codable {
        public var physicalBits: Int
        public var virtualBits: Int
    }

    /// One kind of CPU.
    public struct CPUTypeFacts: Sendable, Equatable, Codable {
        public var vendor: String?
        public var modelName: String?
        /// s390 machine type (`2964`).
        public var machineType: String?
        public var family: String?
        /// cpuinfo's model (the part number on ARM, the revision on POWER).
        public var model: String?
        public var stepping: String?
        public var cpus: [Int]
        public var threadsPerCore: Int
        public var coresPerSocket: Int
        /// Absent on machines with books (s390), which give `socketsPerBook` instead.
        public var sockets: Int?
        public var socketsPerBook: Int?
        public var books: Int?
        public var booksPerDrawer: Int?
        public var drawers: Int?
        public var maxFrequencyHz: Int?
        public var minFrequencyHz: Int?
        /// Current over maximum frequency, summed over the type's CPUs, in percent.
        public var frequencyScalingPercent: Double?
        public var frequencyBoost: Bool?
        /// s390: the dynamic and static frequencies cpuinfo reports.
        public var dynamicFrequencyHz: Int?
        public var staticFrequencyHz: Int?
        /// s390: `horizontal` or `vertical`.
        public var dispatchingMode: String?
        public var bogomips: Double?
        public var flags: [String]
    }

    public struct NUMANode: Sendable, Equatable, Codable {
        public var id: Int
        public var cpus: [Int]
    }

    public struct Virtualization: Sendable, Equatable, Codable {
        /// `VT-x` or `AMD-V`: the CPU can run hardware-virtualized guests.
        public var cpuFeature: String?
        /// s390 control program (`z/VM 6.1.0`, `PR/SM`).
        public var hypervisor: String?
        /// `KVM`, `VMware`, `Microsoft`, `Xen`, ... (lscpu's names).
        public var hypervisorVendor: String?
        /// `full`, `para`, `container` or `none`.
        public var type: String?
    }

    /// All instances of one cache (`L1d`, `L2`, ...), summed the way lscpu sums them.
    public struct Cache: Sendable, Equatable, Codable {
        public var name: String
        public var level: Int
        /// `Data`, `Instruction`, `Unified`.
        public var type: String?
        /// Size of all instances together.
        public var sizeBytes: UInt64
        /// Instances (one per core for L1, per cluster or socket for L2/L3); absent for the shared
        /// caches s390 lists only in cpuinfo.
        public var instances: Int?
        /// Size of one instance.
        public var instanceSizeBytes: UInt64?
        public var waysOfAssociativity: Int?
        public var coherencyLineSize: Int?
    }

    public struct Vulnerability: Sendable, Equatable, Codable {
        /// lscpu's name (`Spectre v2`).
        public var name: String
        /// The sysfs file (`spectre_v2`).
        public var file: String
        /// The kernel's text (`Mitigation: Retpolines; ...`, `Not affected`, `Vulnerable`).
        public var status: String
    }

    /// One present CPU. IDs are the kernel's (physical) ones.
    public struct CPUEntry: Sendable, Equatable, Codable {
        public var id: Int
        /// Index into `types`.
        public var type: Int?
        public var online: Bool
        public var coreID: Int?
        public var socketID: Int?
        public var bookID: Int?
        public var drawerID: Int?
        public var node: Int?
        public var maxFrequencyHz: Int?
        public var minFrequencyHz: Int?
        public var currentFrequencyHz: Int?
        /// s390: `horizontal`, `vertical:high`, ...
        public var polarization: String?
        public var address: Int?
        public var configured: Bool?
    }
}
