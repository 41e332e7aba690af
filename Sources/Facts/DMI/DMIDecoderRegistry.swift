/// Which decoder handles which structure type. One line per decoder, kept in type order.
enum DMIDecoderRegistry {
    static let standard: [UInt8: any DMIStructureDecoder.Type] = Dictionary(
        uniqueKeysWithValues: standardDecoders.map { ($0.type, $0) })

    private static let standardDecoders: [any DMIStructureDecoder.Type] = [
        BIOSInformationDecoder.self,
        SystemInformationDecoder.self,
        BuiltInPointingDeviceDecoder.self,
        PortableBatteryDecoder.self,
        SystemResetDecoder.self,
        HardwareSecurityDecoder.self,
        SystemPowerControlsDecoder.self,
        VoltageProbeDecoder.self,
        CoolingDeviceDecoder.self,
        TemperatureProbeDecoder.self,
        ElectricalCurrentProbeDecoder.self,
        OutOfBandRemoteAccessDecoder.self,
        BootIntegrityServicesDecoder.self,
        SystemBootInformationDecoder.self,
        ManagementDeviceDecoder.self,
        ManagementDeviceComponentDecoder.self,
        ManagementDeviceThresholdDataDecoder.self,
        IPMIDeviceInformationDecoder.self,
        SystemPowerSupplyDecoder.self,
        ProcessorInformationDecoder.self,
        CacheInformationDecoder.self,
        BaseboardInformationDecoder.self,
        ChassisInformationDecoder.self,
        MemoryControllerInformationDecoder.self,
        MemoryModuleInformationDecoder.self,
        PortConnectorDecoder.self,
        SystemSlotDecoder.self,
        OEMStringsDecoder.self,
        SystemConfigurationOptionsDecoder.self,
        BIOSLanguageInformationDecoder.self,
        GroupAssociationsDecoder.self,
        SystemEventLogDecoder.self,
        PhysicalMemoryArrayDecoder.self,
        MemoryDeviceDecoder.self,
        MemoryErrorInformation32Decoder.self,
        MemoryArrayMappedAddressDecoder.self,
        MemoryDeviceMappedAddressDecoder.self,
        MemoryErrorInformation64Decoder.self,
        MemoryChannelDecoder.self,
        OnBoardDevicesDecoder.self,
        AdditionalInformationDecoder.self,
        OnboardDevicesExtendedDecoder.self,
        ManagementControllerHostInterfaceDecoder.self,
        TPMDeviceDecoder.self,
        FirmwareInventoryDecoder.self,
        InactiveDecoder.self,
        EndOfTableDecoder.self,
    ]

    /// Vendor decoders for types 128-255, tried in order until one accepts the structure.
    static let oem: [any DMIOEMDecoder.Type] = [
        AcerOEMDecoder.self,
        HPOEMDecoder.self,
        IBMLenovoOEMDecoder.self,
    ]
}
