/// udev's device database under the host root (`RUN/udev/data`), read as files so it follows `--root` and
/// `--run-root` (libudev would read the agent's own /run).
public struct UdevDatabase: Sendable {
    public let files: HostFiles

    public init(files: HostFiles) {
        self.files = files
    }

    public static let directory = "udev/data"

    /// Whether udev has written a database on this host (it has not in an initramfs without udevd or in a
    /// container that does not mount the host's /run).
    public var isPresent: Bool { files.isDirectory(.run, Self.directory) }

    public var path: String { files.path(.run, Self.directory) }

    /// The record of a block device by its `MAJOR:MINOR` (sysfs `dev`).
    public func block(_ majorMinor: String) throws(HostFileError) -> UdevDeviceRecord {
        try record("b" + majorMinor)
    }

    /// The record of a character device by its `MAJOR:MINOR`.
    public func character(_ majorMinor: String) throws(HostFileError) -> UdevDeviceRecord {
        try record("c" + majorMinor)
    }

    /// The record of a device without a device node (`+pci:0000:00:02.0`, `+usb:1-1`).
    public func device(subsystem: String, name: String) throws(HostFileError) -> UdevDeviceRecord {
        try record("+\(subsystem):\(name)")
    }

    public func record(_ name: String) throws(HostFileError) -> UdevDeviceRecord {
        UdevDeviceRecord(parsing: try files.text(.run, Self.directory + "/" + name))
    }
}
