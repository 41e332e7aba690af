/// The `pci` collector: every PCI function with its names (hwdb, else pci.ids, else ids only).
public struct PCICollector: FactCollector {
    public let name = "pci"

    public init() {}

    public func collect(_ context: CollectionContext) -> CollectorOutput {
        let resolver = DeviceNameResolver(options: context.names, collector: name)
        let names = resolver.lookup(.pci)
        let (functions, diagnostics) = PCIReader(files: context.files, names: names, collector: name).read()
        let section = PCIFacts(namesSource: names.source, devices: functions.map(\.device))
        return CollectorOutput(diagnostics: resolver.diagnostics + diagnostics) { facts in facts.pci = section }
    }
}
