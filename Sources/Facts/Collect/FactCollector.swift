/// What a collector may use: the host's files and the options of this run.
public struct CollectionContext: Sendable {
    public var files: HostFiles
    /// A `dmidecode --dump-bin` file to decode instead of the host's SMBIOS table.
    public var dmiDumpFile: String?
    /// Where and how long the `lldp` collector listens.
    public var lldp: LLDPListenOptions
    /// Where PCI and USB ids get their names.
    public var names: NameDatabaseOptions

    public init(
        files: HostFiles, dmiDumpFile: String? = nil, lldp: LLDPListenOptions = LLDPListenOptions(),
        names: NameDatabaseOptions = NameDatabaseOptions()
    ) {
        self.files = files
        self.dmiDumpFile = dmiDumpFile
        self.lldp = lldp
        self.names = names
    }
}

/// One domain's collector. It reads through the context's `HostFiles`, never throws, and returns its
/// section (as a change to apply to the facts) with the problems it met.
public protocol FactCollector: Sendable {
    /// The name used in `--only`, in diagnostics and in the metadata.
    var name: String { get }
    /// Whether `mkagent facts` runs it without `--only`: false for one that listens on the network for a
    /// while (lldp) or repeats other sections in another shape (the lshw-style `hardware` tree).
    var runsByDefault: Bool { get }
    /// Seconds the collector takes by design (a listening window); the runner waits this much longer for it.
    func expectedDuration(_ context: CollectionContext) -> Double
    func collect(_ context: CollectionContext) -> CollectorOutput
}

extension FactCollector {
    public var runsByDefault: Bool { true }
    public func expectedDuration(_ context: CollectionContext) -> Double { 0 }
}

public struct CollectorOutput: Sendable {
    /// Puts the collector's section into the facts.
    public var apply: @Sendable (inout Facts) -> Void
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic] = [], apply: @escaping @Sendable (inout Facts) -> Void) {
        self.apply = apply
        self.diagnostics = diagnostics
    }
}
