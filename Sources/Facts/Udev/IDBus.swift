/// The buses whose numeric ids have names in hwdb and in the ids files.
public enum IDBus: String, Sendable, CaseIterable {
    case pci, usb

    /// The ids file of this bus (`pci.ids`, `usb.ids`).
    public var idsFileName: String { rawValue + ".ids" }
}
