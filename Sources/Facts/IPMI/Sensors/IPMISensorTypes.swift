/// FreeIPMI's names for the IPMI sensor types (IPMI 2.0 table 42-3), as ipmi-sensors prints them.
public enum IPMISensorTypes {
    /// Types 0x01 through 0x2C, in order.
    public static let names = [
        "Temperature", "Voltage", "Current", "Fan", "Physical Security", "Platform Security Violation Attempt",
        "Processor", "Power Supply", "Power Unit", "Cooling Device", "Other Units Based Sensor", "Memory",
        "Drive Slot", "POST Memory Resize", "System Firmware Progress", "Event Logging Disabled", "Watchdog 1",
        "System Event", "Critical Interrupt", "Button Switch", "Module Board", "Microcontroller Coprocessor",
        "Add In Card", "Chassis", "Chip Set", "Other Fru", "Cable Interconnect", "Terminator",
        "System Boot Initiated", "Boot Error", "OS Boot", "OS Critical Stop", "Slot Connector",
        "System ACPI Power State", "Watchdog 2", "Platform Alert", "Entity Presence", "Monitor ASIC IC", "LAN",
        "Management Subsystem Health", "Battery", "Session Audit", "Version Change", "FRU State",
    ]

    public static func name(_ code: Int) -> String {
        if (1...names.count).contains(code) { return names[code - 1] }
        if (0xC0...0xFF).contains(code) { return "OEM Reserved" }
        return "Unrecognized"
    }
}
