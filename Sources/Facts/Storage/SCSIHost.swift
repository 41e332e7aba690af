/// One SCSI host adapter (`SYS/class/scsi_host/hostN`): a SATA/SAS/RAID controller port, a USB storage
/// bridge, a virtio-scsi or iSCSI session.
public struct SCSIHost: Sendable, Equatable, Codable {
    /// `host0`
    public var name: String
    public var number: Int
    /// The driver's name for it (`ahci`, `megaraid_sas`, `virtio_scsi`, `usb-storage`).
    public var procName: String?
    /// The PCI function it belongs to.
    public var controllerAddress: String?
    /// `sas`, `fc`, `iscsi`, `spi`, `sata`, `usb` when the host's class or path says so.
    public var transport: String?

    public init(name: String, number: Int) {
        self.name = name
        self.number = number
    }
}
