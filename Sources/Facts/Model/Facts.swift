/// Everything one run collected: one section per collector, the problems met, and how it was collected.
///
/// Encoded with snake_case keys (see `FactsEncoding`); the README documents every key.
public struct Facts: Sendable, Equatable, Codable {
    public var metadata: FactsMetadata
    public var dmi: DMIFacts?
    public var cpu: CPUFacts?
    public var memory: MemoryFacts?
    public var os: OSFacts?
    public var virtual: VirtualFacts?
    public var network: NetworkFacts?
    public var pci: PCIFacts?
    public var storage: StorageFacts?
    public var usb: USBFacts?
    /// LLDP/CDP neighbours by local interface; present only when the `lldp` collector ran.
    public var lldp: LLDPFacts?
    /// The BMC read in-band (OpenIPMI device); empty when there is none.
    public var ipmi: IPMIFacts?
    /// The lshw-shaped device tree; only when asked for (`--only hardware`).
    public var hardware: HardwareNode?
    public var diagnostics: [Diagnostic]

    public init(
        metadata: FactsMetadata, dmi: DMIFacts? = nil, cpu: CPUFacts? = nil, memory: MemoryFacts? = nil,
        os: OSFacts? = nil, virtual: VirtualFacts? = nil, network: NetworkFacts? = nil, pci: PCIFacts? = nil,
        storage: StorageFacts? = nil, usb: USBFacts? = nil, lldp: LLDPFacts? = nil, ipmi: IPMIFacts? = nil,
        hardware: HardwareNode? = nil, diagnostics: [Diagnostic] = []
    ) {
        self.metadata = metadata
        self.dmi = dmi
        self.cpu = cpu
        self.memory = memory
        self.os = os
        self.virtual = virtual
        self.network = network
        self.pci = pci
        self.storage = storage
        self.usb = usb
        self.lldp = lldp
        self.ipmi = ipmi
        self.hardware = hardware
        self.diagnostics = diagnostics
    }
}

/// How and where the facts were collected.
public struct FactsMetadata: Sendable, Equatable, Codable {
    public var mkagentVersion: String
    /// RFC 3339 time, UTC, at which collection started.
    public var collectedAt: String
    public var durationMs: Int?
    public var roots: HostRoot
    /// Where each root came from: flag, environment, container (auto-detected /host-*), host.
    public var rootOrigins: [String: String]
    /// The collectors that ran, in the order they were asked for.
    public var collectors: [String]

    public init(
        mkagentVersion: String, collectedAt: String, durationMs: Int? = nil, roots: HostRoot,
        rootOrigins: [String: String], collectors: [String]
    ) {
        self.mkagentVersion = mkagentVersion
        self.collectedAt = collectedAt
        self.durationMs = durationMs
        self.roots = roots
        self.rootOrigins = rootOrigins
        self.collectors = collectors
    }
}
