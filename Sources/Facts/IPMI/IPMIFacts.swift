/// The `ipmi` section: the BMC behind the host's system interface, read in-band through the OpenIPMI device.
public struct IPMIFacts: Sendable, Equatable, Codable {
    /// The device node used, nil when none answered.
    public var interface: String?
    public var device: IPMIDeviceID?
    /// Get Device GUID, the bytes in the order the BMC sent them (see `IPMIDeviceGUID`).
    public var deviceGUID: String?
    /// Get Self Test Results.
    public var selfTest: IPMISelfTest?
    public var chassis: IPMIChassisStatus?
    public var lanChannels: [IPMILANConfiguration]
    public var fru: [IPMIFRU]
    /// Get SEL Info (and allocation info where supported).
    public var sel: IPMISELInfo?
    /// Per LAN channel: the user summary and every user id (Get User Access, Get User Name).
    public var users: [IPMIChannelUsers]
    /// The SEL's records, oldest first.
    public var selEntries: [IPMISELEntry]
    /// Every sensor's reading, through libipmimonitoring; empty where the library is absent.
    public var sensors: [IPMISensor] = []

    public init(interface: String? = nil, device: IPMIDeviceID? = nil, chassis: IPMIChassisStatus? = nil,
                lanChannels: [IPMILANConfiguration] = [], fru: [IPMIFRU] = [], users: [IPMIChannelUsers] = [], selEntries: [IPMISELEntry] = []) {
        self.interface = interface
        self.device = device
        self.chassis = chassis
        self.lanChannels = lanChannels
        self.fru = fru
        self.selEntries = selEntries
        self.users = users
    }
}

public struct IPMIChannelUsers: Sendable, Equatable, Codable {
    public var summary: IPMIUserSummary
    public var users: [IPMIUser]
}
