/// What `/proc/cpuinfo` says, grouped the way util-linux's lscpu groups it: into CPU types (the fields
/// shared by CPUs of one model) and per-processor values.
///
/// A new type starts whenever a vendor, model, model name or stepping line disagrees with the current
/// type, so on a big.LITTLE system each core kind is one type. The fields of a type are those seen while
/// it was current; a type that starts in the middle of a processor block lacks the lines that came
/// before in that block (lscpu 2.38 shows such a type without vendor, BogoMIPS and flags, and so do we).
public struct CPUInfo: Sendable, Equatable {
    public struct CPUType: Sendable, Equatable {
        /// `vendor_id`, `vendor` or ARM's `CPU implementer` (a number such as `0x41` until decoded).
        public var vendor: String?
        public var family: String?
        /// `model`, or ARM's `CPU part`.
        public var model: String?
        /// `model name`, or `cpu` on POWER and SPARC.
        public var modelName: String?
        /// `revision` (POWER) or `CPU revision` (ARM).
        public var revision: String?
        /// `stepping`, or ARM's `CPU variant`.
        public var stepping: String?
        public var bogomips: String?
        /// `flags` (x86), `Features` (ARM), `features` (s390), `type` (SPARC).
        public var flags: String?
        /// `max thread id` (s390): threads per core minus one.
        public var maxThreadID: String?
        /// `address sizes` (x86), for example `46 bits physical, 48 bits virtual`.
        public var addressSizes: String?
        /// s390: of the first CPU that reports them.
        public var dynamicMHz: String?
        public var staticMHz: String?

        public init() {}
    }

    /// One `processor` block.
    public struct Processor: Sendable, Equatable {
        public var id: Int
        /// Index into `types` of the type that was current when the block ended.
        public var typeIndex: Int?
        /// `cpu MHz`, as written.
        public var mhz: String?
        public var dynamicMHz: String?
        public var staticMHz: String?
        public var bogomips: String?

        public init(id: Int) {
            self.id = id
        }
    }

    /// A cache line of s390's cpuinfo (`cache3 : level=3 type=Unified scope=Shared size=262144K ...`). Only
    /// shared caches are kept: private ones are also in sysfs.
    public struct SharedCache: Sendable, Equatable {
        /// `L3`, `L1d`, `L1i`.
        public var name: String
        public var level: Int
        /// `Data`, `Instruction`, `Unified`.
        public var type: String?
        public var sizeBytes: UInt64
        public var lineSize: Int
        public var associativity: Int
    }

    public var types: [CPUType] = []
    /// By logical CPU number.
    public var processors: [Int: Processor] = [:]
    public var sharedCaches: [SharedCache] = []
    /// 1-based numbers of lines that are neither blank nor `key : value`.
    public var malformedLines: [Int] = []

    public init() {}
}
