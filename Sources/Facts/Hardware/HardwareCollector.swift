/// The `hardware` collector: the lshw-shaped tree. It repeats what the dmi, pci, storage and usb sections
/// hold in another shape, so `mkagent facts` runs it only when asked for (`--only hardware`).
public struct HardwareCollector: FactCollector {
    public let name = "hardware"
    public var runsByDefault: Bool { false }

    public init() {}

    public func collect(_ context: CollectionContext) -> CollectorOutput {
        let (tree, diagnostics) = HardwareInventory(context: context, collector: name).tree()
        return CollectorOutput(diagnostics: diagnostics) { facts in facts.hardware = tree }
    }
}
