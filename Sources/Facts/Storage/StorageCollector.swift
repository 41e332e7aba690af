/// The `storage` collector: disks, partitions, NVMe controllers and SCSI devices.
public struct StorageCollector: FactCollector {
    public let name = "storage"

    public init() {}

    public func collect(_ context: CollectionContext) -> CollectorOutput {
        let result = StorageReader(files: context.files, collector: name).read()
        let section = result.facts
        return CollectorOutput(diagnostics: result.diagnostics) { facts in facts.storage = section }
    }
}
