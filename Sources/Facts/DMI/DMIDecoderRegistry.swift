/// Which decoder handles which structure type. One line per decoder, kept in type order.
enum DMIDecoderRegistry {
    static let standard: [UInt8: any DMIStructureDecoder.Type] = Dictionary(
        uniqueKeysWithValues: standardDecoders.map { ($0.type, $0) })

    private static let standardDecoders: [any DMIStructureDecoder.Type] = [
        BIOSInformationDecoder.self,  // 0
        SystemInformationDecoder.self,  // 1
        BaseboardInformationDecoder.self,  // 2
        ChassisInformationDecoder.self,  // 3
        ProcessorInformationDecoder.self,  // 4
        MemoryControllerInformationDecoder.self,  // 5
        MemoryModuleInformationDecoder.self,  // 6
        CacheInformationDecoder.self,  // 7
        PortConnectorDecoder.self,  // 8
        SystemSlotDecoder.self,  // 9
        OnBoardDevicesDecoder.self,  // 10
        OEMStringsDecoder.self,  // 11
        SystemConfigurationOptionsDecoder.self,  // 12
        BIOSLanguageInformationDecoder.self,  // 13
        GroupAssociationsDecoder.self,  // 14
        SystemEventLogDecoder.self,  // 15
        PhysicalMemoryArrayDecoder.self,  // 16
        MemoryDeviceDecoder.self,  // 17
        MemoryErrorInformation32Decoder.self,  // 18
        MemoryArrayMappedAddressDecoder.self,  // 19
        MemoryDeviceMappedAddressDecoder.self,  // 20
        BuiltInPointingDeviceDecoder.self,  // 21
        PortableBatteryDecoder.self,  // 22
        SystemResetDecoder.self,  // 23
        HardwareSecurityDecoder.self,  // 24
        SystemPowerControlsDecoder.self,  // 25
        VoltageProbeDecoder.self,  // 26
        CoolingDeviceDecoder.self,  // 27
        TemperatureProbeDecoder.self,  // 28
        ElectricalCurrentProbeDecoder.self,  // 29
        OutOfBandRemoteAccessDecoder.self,  // 30
        BootIntegrityServicesDecoder.self,  // 31
        SystemBootInformationDecoder.self,  // 32
        MemoryErrorInformation64Decoder.self,  // 33
        ManagementDeviceDecoder.self,  // 34
        ManagementDeviceComponentDecoder.self,  // 35
        ManagementDeviceThresholdDataDecoder.self,  // 36
        MemoryChannelDecoder.self,  // 37
        IPMIDeviceInformationDecoder.self,  // 38
        SystemPowerSupplyDecoder.self,  // 39
        AdditionalInformationDecoder.self,  // 40
        OnboardDevicesExtendedDecoder.self,  // 41
        ManagementControllerHostInterfaceDecoder.self,  // 42
        TPMDeviceDecoder.self,  // 43
        FirmwareInventoryDecoder.self,  // 45
        InactiveDecoder.self,  // 126
        EndOfTableDecoder.self,  // 127
    ]

    /// Vendor decoders for types 128-255, tried in order until one accepts the structure.
    static let oem: [any DMIOEMDecoder.Type] = [
        AcerOEMDecoder.self,
        HPOEMDecoder.self,
        IBMLenovoOEMDecoder.self,
    ]
}
