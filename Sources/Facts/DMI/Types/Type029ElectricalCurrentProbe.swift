/// SMBIOS 7.30 Electrical Current Probe (type 29): readings in milliamperes.
enum ElectricalCurrentProbeDecoder: DMIStructureDecoder {
    static let type: UInt8 = 29

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        ProbeFields.decode(
            s, title: "Electrical Current Probe", locations: ProbeFields.voltageLocations,
            value: .init(places: 3, unit: "A"), resolution: .init(places: 1, unit: "mA"), into: &out)
    }
}
