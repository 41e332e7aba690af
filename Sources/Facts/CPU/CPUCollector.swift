/// The `cpu` collector: reads cpuinfo and the CPU sysfs tree and turns them into `CPUFacts`.
public struct CPUCollector: FactCollector {
    public let name = "cpu"

    public init() {}

    public func collect(_ context: CollectionContext) -> CollectorOutput {
        let (sources, diagnostics) = CPUReader(files: context.files).read()
        let inventory = CPUInventory(sources)
        let section: CPUFacts? = inventory.cpus.isEmpty && inventory.types.isEmpty ? nil : CPUFacts(inventory)
        return CollectorOutput(diagnostics: diagnostics) { facts in facts.cpu = section }
    }
}
