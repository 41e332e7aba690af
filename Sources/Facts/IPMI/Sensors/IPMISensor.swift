/// One sensor reading as libipmimonitoring interprets it: the SDR record's name and type, the state its
/// sensor state rules give, the converted value of threshold-based sensors, and the event messages.
public struct IPMISensor: Sendable, Equatable, Codable {
    /// The SDR record id.
    public var recordID: Int
    public var number: Int
    public var name: String
    /// The IPMI sensor type code (IPMI 2.0 table 42-3) and FreeIPMI's name for it ("Temperature").
    public var typeCode: Int
    public var type: String
    /// Nominal, Warning or Critical; nil when the library could not judge (no reading).
    public var state: String?
    /// The event/reading type code (0x01 threshold, 0x02-0x0C generic discrete, 0x6F sensor specific).
    public var eventReadingTypeCode: Int
    /// Threshold-based sensors only: the reading converted with the SDR's factors, in `units`.
    public var value: Double?
    /// C, F, V, A, RPM, W or %; nil for units libipmimonitoring does not name (and for none).
    public var units: String?
    /// The asserted states in the short words of ipmi-sensors ("Upper Critical going high", "Presence detected").
    public var events: [String]

    public init(recordID: Int, number: Int, name: String, typeCode: Int, state: String?, eventReadingTypeCode: Int,
                value: Double?, units: String?, events: [String]) {
        self.recordID = recordID
        self.number = number
        self.name = name
        self.typeCode = typeCode
        self.type = IPMISensorTypes.name(typeCode)
        self.state = state
        self.eventReadingTypeCode = eventReadingTypeCode
        self.value = value
        self.units = units
        self.events = events
    }

    /// Threshold-based (event/reading type 0x01): the sensors with a value and units.
    public var isThresholdBased: Bool { eventReadingTypeCode == 0x01 }
}
