/// The `pci` section: every function under `SYS/bus/pci/devices`, in address order.
public struct PCIFacts: Sendable, Equatable, Codable {
    /// Where the names came from: `hwdb`, an ids file's path, or `none`.
    public var namesSource: String
    public var devices: [PCIDevice]

    public init(namesSource: String, devices: [PCIDevice]) {
        self.namesSource = namesSource
        self.devices = devices
    }
}
