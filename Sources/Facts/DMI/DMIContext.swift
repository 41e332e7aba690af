/// What a structure's decoder may need to know about the rest of the table.
public struct DMIContext: Sendable, Equatable {
    /// The SMBIOS version as `major << 8 | minor` (0x0302 for 3.2), after firmware fix-ups.
    public var version: UInt16
    /// Type 1 manufacturer and product name, which select vendor-specific (OEM type) decoders.
    public var systemManufacturer: String?
    public var systemProduct: String?
    /// How the first processor's (type 4) ID is laid out; HPE's CPU microcode records (OEM type 199) hold
    /// IDs of that kind.
    public var cpuidKind: CPUID
    /// Table offsets of the HPE NIC records (OEM type 233) that carry no NIC number, in table order;
    /// dmidecode numbers those itself, counting from 1 across the table.
    public var unnumberedNICRecords: [Int]

    public init(
        version: UInt16, systemManufacturer: String? = nil, systemProduct: String? = nil,
        cpuidKind: CPUID = .none, unnumberedNICRecords: [Int] = []
    ) {
        self.version = version
        self.systemManufacturer = systemManufacturer
        self.systemProduct = systemProduct
        self.cpuidKind = cpuidKind
        self.unnumberedNICRecords = unnumberedNICRecords
    }

    /// Builds the context from the table the way dmidecode's first pass does.
    public init(table: SMBIOSTable) {
        self.init(version: table.entryPoint?.version ?? 0x0300)
        if let system = table.structures.first(where: { $0.type == 1 && $0.length >= 6 }) {
            systemManufacturer = system.string(at: 0x04)?.value
            systemProduct = system.string(at: 0x05)?.value
        }
        if let processor = table.structures.first(where: { $0.type == 4 && $0.length >= 0x1A }) {
            cpuidKind = CPUID.kind(processor)
        }
        unnumberedNICRecords = table.structures.filter(HPOEMDecoder.isUnnumberedNIC).map(\.offset)
    }

    /// True from SMBIOS version `major.minor` on.
    public func atLeast(_ major: UInt16, _ minor: UInt16) -> Bool {
        version >= major << 8 | minor
    }
}
