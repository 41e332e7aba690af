/// The `lldp` collector: listens for LLDP and CDP neighbours for one window.
///
/// It does not run by default — listening takes up to `timeoutSeconds` (35 s), and `mkagent facts` must stay
/// fast — only when asked for by name (`--only lldp`) or with a positive `--lldp-timeout`.
public struct LLDPCollector: FactCollector {
    public let name = "lldp"
    public var runsByDefault: Bool { false }

    public init() {}

    public func expectedDuration(_ context: CollectionContext) -> Double {
        context.lldp.timeoutSeconds
    }

    public func collect(_ context: CollectionContext) -> CollectorOutput {
        let (section, diagnostics) = LLDPListener(options: context.lldp).listen(context.files)
        return CollectorOutput(diagnostics: diagnostics) { facts in facts.lldp = section }
    }
}
