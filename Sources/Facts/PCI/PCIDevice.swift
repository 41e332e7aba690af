/// One PCI function: ids with their names, what drives it and where it sits.
///
/// Ids are lower-case hex strings as lspci prints them (`vendor_id` `1af4`, `class_id` `02`); names are
/// absent when the name database has none (see `PCIFacts.namesSource`).
public struct PCIDevice: Sendable, Equatable, Codable {
    /// `0000:00:02.0`
    public var address: String
    /// The bridge above it (`0000:00:02.3`); absent on a root bus.
    public var parentAddress: String?
    public var classId: String
    public var className: String?
    public var subclassId: String
    public var subclassName: String?
    public var progIf: String
    public var progIfName: String?
    public var vendorId: String
    public var vendorName: String?
    public var deviceId: String
    public var deviceName: String?
    public var subsystemVendorId: String?
    public var subsystemVendorName: String?
    public var subsystemDeviceId: String?
    public var subsystemDeviceName: String?
    public var revision: String?
    public var driver: String?
    /// The kernel module of the driver; absent for drivers built into the kernel.
    public var module: String?
    public var irq: Int?
    public var numaNode: Int?
    public var iommuGroup: Int?
    /// The slot's name from the platform (ACPI/SMBIOS via sysfs `bus/pci/slots`).
    public var physicalSlot: String?
    /// PCIe link rate in MT/s (2.5 GT/s = 2500) and lanes.
    public var currentLinkSpeedMts: Int?
    public var currentLinkWidth: Int?
    public var maxLinkSpeedMts: Int?
    public var maxLinkWidth: Int?
    /// SR-IOV physical functions: virtual functions supported and enabled.
    public var sriovTotalVfs: Int?
    public var sriovNumVfs: Int?
    public var vpdProductName: String?
    public var vpdPartNumber: String?
    public var vpdSerialNumber: String?
    /// PCI capabilities found in the configuration space, each once: `pm`, `agp`, `vpd`, `msi`, `pcix`, `ht`,
    /// `vendor_specific`, `pciexpress`, `msix`, ... (lshw's names); absent when the header was not readable.
    public var capabilities: [String]?

    public init(address: String, classId: String, subclassId: String, progIf: String, vendorId: String, deviceId: String) {
        self.address = address
        self.classId = classId
        self.subclassId = subclassId
        self.progIf = progIf
        self.vendorId = vendorId
        self.deviceId = deviceId
    }
}
