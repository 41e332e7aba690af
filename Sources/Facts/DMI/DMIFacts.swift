/// The `dmi` section: the SMBIOS table as typed facts.
///
/// Structure types the fact model names get typed entries; every other decoded type is kept as its
/// dmidecode fields (`other`), and structures no decoder knows (most OEM types) as raw bytes (`raw`),
/// so nothing the firmware published is dropped.
public struct DMIFacts: Sendable, Equatable, Codable {
    /// Where the table was read from (`sysfs /sys/firmware/dmi/tables/DMI`, `file dump.bin`, ...).
    public var source: String
    public var smbiosVersion: String?
    /// `_SM3_`, `_SM_` or `_DMI_`; nil when the table was decoded without a usable entry point.
    public var entryPoint: String?
    public var structureCount: Int
    public var bios: BIOSInformation?
    public var system: SystemInformation?
    public var baseboards: [BaseboardInformation]
    public var chassis: [ChassisInformation]
    public var processors: [ProcessorInformation]
    public var caches: [CacheInformation]
    public var portConnectors: [PortConnector]
    public var slots: [SystemSlot]
    /// Types 10 (legacy, several per structure) and 41 (one per structure) together.
    public var onboardDevices: [OnboardDevice]
    public var oemStrings: [String]
    public var systemConfigurationOptions: [String]
    public var memoryArrays: [PhysicalMemoryArray]
    public var memoryDevices: [MemoryDevice]
    public var memoryArrayMappedAddresses: [MemoryArrayMappedAddress]
    public var systemBoot: SystemBootInformation?
    public var ipmiDevice: IPMIDeviceInformation?
    public var other: [DMIFieldRecord]
    public var raw: [DMIRawStructure]

    public init(_ table: SMBIOSTable, source: String) {
        let context = DMIContext(table: table)
        self.source = source
        smbiosVersion = table.entryPoint?.versionString
        entryPoint = table.entryPoint?.kind.rawValue
        structureCount = table.structures.count
        func all<T>(_ type: UInt8, _ make: (SMBIOSStructure, DMIContext) -> T?) -> [T] {
            table.structures(ofType: type).compactMap { make($0, context) }
        }
        bios = all(0) { s, _ in BIOSInformation(s) }.first
        system = all(1, SystemInformation.init).first
        baseboards = all(2, BaseboardInformation.init)
        chassis = all(3, ChassisInformation.init)
        processors = all(4, ProcessorInformation.init)
        caches = all(7, CacheInformation.init)
        portConnectors = all(8, PortConnector.init)
        slots = all(9, SystemSlot.init)
        onboardDevices = all(10) { s, _ in OnboardDevice.onBoardDevices(s) }.flatMap { $0 }
            + all(41) { s, _ in OnboardDevice.extendedDevice(s) }
        oemStrings = all(11) { s, _ in OEMStrings.strings(s) }.flatMap { $0 }
        systemConfigurationOptions = all(12) { s, _ in SystemConfigurationOptions.options(s) }.flatMap { $0 }
        memoryArrays = all(16, PhysicalMemoryArray.init)
        memoryDevices = all(17, MemoryDevice.init)
        memoryArrayMappedAddresses = all(19, MemoryArrayMappedAddress.init)
        systemBoot = all(32, SystemBootInformation.init).first
        ipmiDevice = all(38, IPMIDeviceInformation.init).first
        other = []
        raw = []
        for structure in table.structures where !Self.typed.contains(structure.type) {
            let record = DMIDecoder.record(structure, context)
            if record.isRaw {
                raw.append(DMIRawStructure(structure))
            } else {
                other.append(DMIFieldRecord(record))
            }
        }
    }

    /// Types that have a typed place in this model.
    static let typed: Set<UInt8> = [0, 1, 2, 3, 4, 7, 8, 9, 10, 11, 12, 16, 17, 19, 32, 38, 41]
}
