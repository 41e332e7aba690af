/// One System Event Log record (IPMI 2.0 section 32): a standard system event record (type 0x02) decoded,
/// OEM records (0xC0-0xFF) kept as bytes.
public struct IPMISELEntry: Sendable, Equatable, Codable {
    public var recordID: UInt16
    public var recordType: UInt8
    /// Seconds since 1970 by the BMC's clock; nil for OEM non-timestamped records.
    public var timestamp: UInt32?
    public var generatorID: UInt16?
    public var sensorType: UInt8?
    /// The sensor type's name as ipmitool prints it ("Temperature", "Power Unit").
    public var sensorTypeName: String?
    public var sensorNumber: UInt8?
    /// The event/reading type code (0x01 threshold, 0x02-0x0C generic discrete, 0x6F sensor-specific).
    public var eventType: UInt8?
    public var deasserted: Bool?
    public var eventData: [UInt8]?
    /// What happened, as ipmitool describes the offset ("Upper Critical going high", "Power off/down").
    public var description: String?
    /// The 16 record bytes, hex.
    public var raw: String

    public init(record bytes: [UInt8]) throws(IPMIError) {
        guard bytes.count >= 16 else {
            throw .malformed(what: "SEL record", detail: "\(bytes.count) bytes, 16 expected")
        }
        recordID = UInt16(bytes[0]) | UInt16(bytes[1]) << 8
        recordType = bytes[2]
        raw = IPMIHex.bytes(bytes.prefix(16), separator: "")
        if recordType < 0xE0 {
            timestamp = UInt32(bytes[3]) | UInt32(bytes[4]) << 8 | UInt32(bytes[5]) << 16 | UInt32(bytes[6]) << 24
        }
        guard recordType < 0xC0 else { return }
        generatorID = UInt16(bytes[7]) | UInt16(bytes[8]) << 8
        sensorType = bytes[10]
        sensorTypeName = Self.sensorTypeName(bytes[10])
        sensorNumber = bytes[11]
        eventType = bytes[12] & 0x7F
        deasserted = bytes[12] & 0x80 != 0
        eventData = Array(bytes[13..<16])
        description = Self.describe(sensorType: bytes[10], eventType: bytes[12] & 0x7F, data: Array(bytes[13..<16]))
    }

    /// Reserve SEL and Get SEL Entry (Storage netfn, cmds 0x42/0x43; IPMI 2.0 sections 31.4-31.5).
    public static let reserveRequest = IPMIRequest(netFn: IPMIRequest.netFnStorage, command: 0x42)

    public static func getRequest(reservation: UInt16, recordID: UInt16) -> IPMIRequest {
        IPMIRequest(netFn: IPMIRequest.netFnStorage, command: 0x43, data: [
            UInt8(reservation & 0xFF), UInt8(reservation >> 8), UInt8(recordID & 0xFF), UInt8(recordID >> 8), 0, 0xFF,
        ])
    }

    /// Every record, following the next-record ids from 0 until 0xFFFF; at most `limit` records, and a
    /// loop in the ids ends the walk.
    public static func readAll(from transport: some IPMITransport, limit: Int = 4096) throws(IPMIError) -> [IPMISELEntry] {
        var reservation: UInt16 = 0
        if let data = try? transport.call(reserveRequest), data.count >= 2 {
            reservation = UInt16(data[0]) | UInt16(data[1]) << 8
        }
        var entries: [IPMISELEntry] = []
        var next: UInt16 = 0
        var seen = Set<UInt16>()
        while next != 0xFFFF, entries.count < limit, seen.insert(next).inserted {
            let data = try transport.call(getRequest(reservation: reservation, recordID: next))
            guard data.count >= 18 else {
                throw .malformed(what: "Get SEL Entry \(next)", detail: "response has \(data.count) data bytes, 18 expected")
            }
            entries.append(try IPMISELEntry(record: Array(data[2..<18])))
            next = UInt16(data[0]) | UInt16(data[1]) << 8
        }
        return entries
    }

    /// ipmitool's names for sensor types 0x00-0x2C (its ipmi_generic_sensor_type_vals).
    static let sensorTypes = [
        "reserved", "Temperature", "Voltage", "Current", "Fan", "Physical Security", "Platform Security",
        "Processor", "Power Supply", "Power Unit", "Cooling Device", "Other", "Memory", "Drive Slot / Bay",
        "POST Memory Resize", "System Firmwares", "Event Logging Disabled", "Watchdog1", "System Event",
        "Critical Interrupt", "Button", "Module / Board", "Microcontroller", "Add-in Card", "Chassis", "Chip Set",
        "Other FRU", "Cable / Interconnect", "Terminator", "System Boot Initiated", "Boot Error", "OS Boot",
        "OS Critical Stop", "Slot / Connector", "System ACPI Power State", "Watchdog2", "Platform Alert",
        "Entity Presence", "Monitor ASIC", "LAN", "Management Subsys Health", "Battery", "Session Audit",
        "Version Change", "FRU State",
    ]

    static func sensorTypeName(_ type: UInt8) -> String {
        if Int(type) < sensorTypes.count { return sensorTypes[Int(type)] }
        return type >= 0xC0 ? "OEM reserved" : "Unknown"
    }

    /// Generic event/reading type offsets (IPMI 2.0 table 42-2), as ipmitool words them.
    static let generic: [UInt8: [String]] = [
        0x01: ["Lower Non-critical going low ", "Lower Non-critical going high", "Lower Critical going low ",
               "Lower Critical going high", "Lower Non-recoverable going low ", "Lower Non-recoverable going high",
               "Upper Non-critical going low ", "Upper Non-critical going high", "Upper Critical going low ",
               "Upper Critical going high", "Upper Non-recoverable going low ", "Upper Non-recoverable going high"],
        0x02: ["Transition to Idle", "Transition to Active", "Transition to Busy"],
        0x03: ["State Deasserted", "State Asserted"],
        0x04: ["Predictive Failure Deasserted", "Predictive Failure Asserted"],
        0x05: ["Limit Not Exceeded", "Limit Exceeded"],
        0x06: ["Performance Met", "Performance Lags"],
        0x07: ["Transition to OK", "Transition to Non-critical from OK", "Transition to Critical from less severe",
               "Transition to Non-recoverable from less severe", "Transition to Non-critical from more severe",
               "Transition to Critical from Non-recoverable", "Transition to Non-recoverable", "Monitor", "Informational"],
        0x08: ["Device Absent", "Device Present"],
        0x09: ["Device Disabled", "Device Enabled"],
        0x0B: ["Fully Redundant", "Redundancy Lost", "Redundancy Degraded", "Non-Redundant: Sufficient from Redundant",
               "Non-Redundant: Sufficient from Insufficient", "Non-Redundant: Insufficient Resources",
               "Redundancy Degraded from Fully Redundant", "Redundancy Degraded from Non-Redundant"],
        0x0C: ["D0 Power State", "D1 Power State", "D2 Power State", "D3 Power State"],
    ]

    /// Sensor-specific offsets (IPMI 2.0 table 42-3) for the sensor types whose events are common in SELs.
    static let sensorSpecific: [UInt8: [String]] = [
        0x05: ["General Chassis intrusion", "Drive Bay intrusion", "I/O Card area intrusion", "Processor area intrusion",
               "System unplugged from LAN", "Unauthorized dock", "FAN area intrusion"],
        0x07: ["IERR", "Thermal Trip", "FRB1/BIST failure", "FRB2/Hang in POST failure",
               "FRB3/Processor startup/init failure", "Configuration Error", "SM BIOS Uncorrectable CPU-complex Error",
               "Presence detected", "Disabled", "Terminator presence detected", "Throttled"],
        0x08: ["Presence detected", "Failure detected", "Predictive failure", "Power Supply AC lost",
               "AC lost or out-of-range", "AC out-of-range, but present"],
        0x09: ["Power off/down", "Power cycle", "240VA power down", "Interlock power down", "AC lost",
               "Soft-power control failure", "Failure detected", "Predictive failure"],
        0x0C: ["Correctable ECC", "Uncorrectable ECC", "Parity", "Memory Scrub Failed", "Memory Device Disabled",
               "Correctable ECC logging limit reached", "Presence Detected", "Configuration Error", "Spare", "Throttled"],
        0x0D: ["Drive Present", "Drive Fault", "Predictive Failure", "Hot Spare", "Parity Check In Progress",
               "In Critical Array", "In Failed Array", "Rebuild In Progress", "Rebuild Aborted"],
    ]

    static func describe(sensorType: UInt8, eventType: UInt8, data: [UInt8]) -> String? {
        let offset = Int(data[0] & 0x0F)
        let table = eventType == 0x6F ? sensorSpecific[sensorType] : generic[eventType]
        guard let table, offset < table.count else { return nil }
        return table[offset]
    }
}
