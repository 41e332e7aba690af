/// SMBIOS 7.29 Temperature Probe (type 28): readings in 1/10 degree Celsius.
enum TemperatureProbeDecoder: DMIStructureDecoder {
    static let type: UInt8 = 28

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        ProbeFields.decode(
            s, title: "Temperature Probe", locations: locations,
            value: .init(places: 1, unit: "deg C"), resolution: .init(places: 3, unit: "deg C"), into: &out)
    }

    /// 7.29.1
    static let locations = ProbeFields.voltageLocations + [
        "Front Panel Board", "Back Panel Board", "Power System Board", "Drive Back Plane",
    ]
}
