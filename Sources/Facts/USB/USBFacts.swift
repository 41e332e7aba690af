/// The `usb` section: every USB device under `SYS/bus/usb/devices`, root hubs included, by bus and port.
public struct USBFacts: Sendable, Equatable, Codable {
    /// Where the names came from: `hwdb`, an ids file's path, or `none`.
    public var namesSource: String
    public var devices: [USBDevice]

    public init(namesSource: String, devices: [USBDevice]) {
        self.namesSource = namesSource
        self.devices = devices
    }
}
