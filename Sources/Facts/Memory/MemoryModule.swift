/// One memory socket as the `memory` section lists it: the inventory fields of an SMBIOS type 17
/// `MemoryDevice` (the `dmi` section has all of them), taken from the decoded structure.
public struct MemoryModule: Sendable, Equatable, Codable {
    /// The type 17 handle, to find the full record in `dmi.memory_devices`.
    public var handle: UInt16
    public var locator: String?
    public var bankLocator: String?
    /// nil for an empty socket (or a size the firmware gives as unknown).
    public var sizeBytes: UInt64?
    public var type: String?
    public var formFactor: String?
    public var speedMts: Int?
    public var configuredSpeedMts: Int?
    public var manufacturer: String?
    public var serialNumber: String?
    public var partNumber: String?
    public var rank: Int?

    public init(_ device: MemoryDevice) {
        handle = device.handle
        locator = device.locator
        bankLocator = device.bankLocator
        sizeBytes = device.sizeBytes
        type = device.type
        formFactor = device.formFactor
        speedMts = device.speedMts
        configuredSpeedMts = device.configuredSpeedMts
        manufacturer = device.manufacturer
        serialNumber = device.serialNumber
        partNumber = device.partNumber
        rank = device.rank
    }
}
