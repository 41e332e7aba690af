/// SMBIOS 7.27 Voltage Probe (type 26): readings in millivolts.
enum VoltageProbeDecoder: DMIStructureDecoder {
    static let type: UInt8 = 26

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        ProbeFields.decode(
            s, title: "Voltage Probe", locations: ProbeFields.voltageLocations,
            value: .init(places: 3, unit: "V"), resolution: .init(places: 1, unit: "mV"), into: &out)
    }
}
