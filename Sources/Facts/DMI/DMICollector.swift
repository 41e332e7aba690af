/// The `dmi` collector: finds the SMBIOS table and turns it into `DMIFacts`.
public struct DMICollector: FactCollector {
    public let name = "dmi"

    public init() {}

    public func collect(_ context: CollectionContext) -> CollectorOutput {
        let (loaded, diagnostics) = DMITableSource(files: context.files).load(dumpFile: context.dmiDumpFile)
        let section = loaded.map { DMIFacts($0.table, source: $0.origin.description) }
        return CollectorOutput(diagnostics: diagnostics) { facts in facts.dmi = section }
    }
}
