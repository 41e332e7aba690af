/// A device built into the system board: one of the devices of an SMBIOS 7.11 On Board Devices
/// Information structure (type 10, which lists several) or the device of a 7.42 Onboard Devices Extended
/// Information structure (type 41).
public struct OnboardDevice: Sendable, Equatable, Codable {
    /// Handle of the structure that describes the device.
    public var handle: UInt16
    /// The board's reference designator (type 41 only).
    public var referenceDesignation: String?
    /// 7.11.1 device type name; nil when "Unknown" or out of the specification.
    public var type: String?
    public var enabled: Bool
    /// The device's description string (type 10 only).
    public var description: String?
    /// Instance of the device among devices of its type (type 41 only).
    public var typeInstance: Int?
    /// PCI address as `segment:bus:device.function` in lower-case hex (type 41 only; nil when the
    /// firmware gives none).
    public var busAddress: String?

    public init(
        handle: UInt16, referenceDesignation: String? = nil, type: String?, enabled: Bool,
        description: String? = nil, typeInstance: Int? = nil, busAddress: String? = nil
    ) {
        self.handle = handle
        self.referenceDesignation = referenceDesignation
        self.type = type
        self.enabled = enabled
        self.description = description
        self.typeInstance = typeInstance
        self.busAddress = busAddress
    }

    /// The devices of a type 10 structure, in the order the firmware lists them.
    public static func onBoardDevices(_ s: SMBIOSStructure) -> [OnboardDevice] {
        guard s.type == 10 else { return [] }
        return (0..<type10Count(s)).map { i in
            let code = s.byte(4 + 2 * i)!
            return OnboardDevice(
                handle: s.handle, type: modelTypeName(code), enabled: code & 0x80 != 0,
                description: s.string(at: 5 + 2 * i)!.value)
        }
    }

    /// The device of a type 41 structure; nil when the structure is too short to describe one.
    public static func extendedDevice(_ s: SMBIOSStructure) -> OnboardDevice? {
        guard s.type == 41, s.length >= 0x0B else { return nil }
        let code = s.byte(0x05)!
        return OnboardDevice(
            handle: s.handle, referenceDesignation: s.string(at: 0x04)!.value, type: modelTypeName(code),
            enabled: code & 0x80 != 0, typeInstance: Int(s.byte(0x06)!),
            busAddress: busAddress(segment: s.word(0x07)!, bus: s.byte(0x09)!, deviceFunction: s.byte(0x0A)!))
    }

    /// Type 10 holds two bytes (type and status, description string) per device after its header.
    static func type10Count(_ s: SMBIOSStructure) -> Int {
        (s.length - 4) / 2
    }

    /// 7.11.1 and 7.42.2; bit 7 of the code is the status.
    static func typeName(_ code: UInt8) -> String {
        DMIFormat.name(Int(code & 0x7F), types)
    }

    static func modelTypeName(_ code: UInt8) -> String? {
        let name = typeName(code)
        return name == "Unknown" || name == DMIFormat.outOfSpec ? nil : name
    }

    static func statusText(_ code: UInt8) -> String {
        code & 0x80 != 0 ? "Enabled" : "Disabled"
    }

    /// 7.10.8 segment group, bus and device/function; all ones means "not given".
    static func busAddress(segment: UInt16, bus: UInt8, deviceFunction: UInt8) -> String? {
        if segment == 0xFFFF && bus == 0xFF && deviceFunction == 0xFF { return nil }
        return "\(hex(segment, width: 4)):\(hex2(bus)):\(hex(deviceFunction >> 3, width: 2)).\(deviceFunction & 7)"
            .lowercased()
    }

    static let types = [
        "Other", "Unknown", "Video", "SCSI Controller", "Ethernet", "Token Ring", "Sound", "PATA Controller",
        "SATA Controller", "SAS Controller", "Wireless LAN", "Bluetooth", "WWAN", "eMMC", "NVMe Controller",
        "UFS Controller",
    ]
}

enum OnBoardDevicesDecoder: DMIStructureDecoder {
    static let type: UInt8 = 10

    static func decode(_ s: SMBIOSStructure, _ context: DMIContext, into out: inout DMILines) {
        // No title of its own: each device is a titled block, and a structure without devices shows none.
        let count = OnboardDevice.type10Count(s)
        for i in 0..<count {
            let code = s.byte(4 + 2 * i)!
            out.title(count == 1 ? "On Board Device Information" : "On Board Device \(i + 1) Information")
            out.attr("Type", OnboardDevice.typeName(code))
            out.attr("Status", OnboardDevice.statusText(code))
            out.attr("Description", s.string(at: 5 + 2 * i)!.text)
        }
    }
}
