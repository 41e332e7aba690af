/// The short names of the SMBIOS structure types (7.x section titles), as dmidecode lists them where a
/// structure refers to other structures by type (chassis contained elements, group association items).
enum SMBIOSStructureTypeName {
    static let names = [
        "BIOS", "System", "Base Board", "Chassis", "Processor", "Memory Controller", "Memory Module", "Cache",
        "Port Connector", "System Slots", "On Board Devices", "OEM Strings", "System Configuration Options",
        "BIOS Language", "Group Associations", "System Event Log", "Physical Memory Array", "Memory Device",
        "32-bit Memory Error", "Memory Array Mapped Address", "Memory Device Mapped Address",
        "Built-in Pointing Device", "Portable Battery", "System Reset", "Hardware Security",
        "System Power Controls", "Voltage Probe", "Cooling Device", "Temperature Probe",
        "Electrical Current Probe", "Out-of-band Remote Access", "Boot Integrity Services", "System Boot",
        "64-bit Memory Error", "Management Device", "Management Device Component",
        "Management Device Threshold Data", "Memory Channel", "IPMI Device", "Power Supply",
        "Additional Information", "Onboard Device", "Management Controller Host Interface", "TPM Device",
        "Processor", "Firmware", "String Property",
    ]

    /// Types 128 and up are vendor-defined.
    static func name(_ code: UInt8) -> String {
        code >= 128 ? "OEM-specific" : DMIFormat.name(Int(code), names, first: 0)
    }
}
