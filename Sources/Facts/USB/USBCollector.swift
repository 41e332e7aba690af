/// The `usb` collector: USB devices with their names (hwdb, else usb.ids, else ids only).
public struct USBCollector: FactCollector {
    public let name = "usb"

    public init() {}

    public func collect(_ context: CollectionContext) -> CollectorOutput {
        let resolver = DeviceNameResolver(options: context.names, collector: name)
        let names = resolver.lookup(.usb)
        let result = USBReader(files: context.files, names: names, collector: name).read()
        let section = USBFacts(namesSource: names.source, devices: result.devices)
        return CollectorOutput(diagnostics: resolver.diagnostics + result.diagnostics) { facts in facts.usb = section }
    }
}
