/// SMBIOS 7.42 Onboard Devices Extended Information (type 41); its model is `OnboardDevice`.
enum OnboardDevicesExtendedDecoder: DMIStructureDecoder {
    static let type: UInt8 = 41

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        out.title("Onboard Device")
        guard s.length >= 0x0B else { return }
        let code = s.byte(0x05)!
        out.attr("Reference Designation", s.string(at: 0x04)!.text)
        out.attr("Type", OnboardDevice.typeName(code))
        out.attr("Status", OnboardDevice.statusText(code))
        out.attr("Type Instance", "\(s.byte(0x06)!)")
        if let address = OnboardDevice.busAddress(segment: s.word(0x07)!, bus: s.byte(0x09)!, deviceFunction: s.byte(0x0A)!) {
            out.attr("Bus Address", address)
        }
    }
}
