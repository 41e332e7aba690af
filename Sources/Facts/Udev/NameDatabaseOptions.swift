/// Where device names are looked up: hwdb through libudev first, then the first readable ids file, then
/// none (devices are named by their ids). These are files of the agent's own system (or container image),
/// not of the host root: they describe ids, not the host.
public struct NameDatabaseOptions: Sendable, Equatable {
    /// Ask libudev's hwdb before the ids files.
    public var useHwdb: Bool
    /// The library to load for hwdb (`libudev.so.1`).
    public var libudev: String
    /// Candidate `pci.ids` paths, in order (Debian's `pci.ids` and `hwdata` packages).
    public var pciIDsPaths: [String]
    /// Candidate `usb.ids` paths, in order (Debian's `usb.ids` and `hwdata` packages).
    public var usbIDsPaths: [String]

    public init(
        useHwdb: Bool = true, libudev: String = "libudev.so.1",
        pciIDsPaths: [String] = ["/usr/share/misc/pci.ids", "/usr/share/hwdata/pci.ids", "/usr/share/pci.ids"],
        usbIDsPaths: [String] = [
            "/usr/share/misc/usb.ids", "/usr/share/hwdata/usb.ids", "/var/lib/usbutils/usb.ids", "/usr/share/usb.ids",
        ]
    ) {
        self.useHwdb = useHwdb
        self.libudev = libudev
        self.pciIDsPaths = pciIDsPaths
        self.usbIDsPaths = usbIDsPaths
    }

    public func idsPaths(_ bus: IDBus) -> [String] {
        switch bus {
        case .pci: return pciIDsPaths
        case .usb: return usbIDsPaths
        }
    }
}
