/// The event names ipmi-sensors prints. libipmimonitoring names a sensor's asserted events with FreeIPMI's
/// long messages; ipmi-sensors (unless verbose) asks for the short ones (IPMI_GET_EVENT_MESSAGES_FLAGS_SHORT),
/// which the library offers no flag for. These are the 44 messages whose two forms differ in FreeIPMI 1.6.10
/// (libfreeipmi/spec/ipmi-sensor-and-event-code-tables-spec.c); every other message is the same in both.
enum IPMISensorEventNames {
    /// The short form of the library's message `long`.
    static func short(_ long: String) -> String { shortNames[long] ?? long }

    private static let shortNames: [String: String] = [
        "Fully Redundant (formerly \"Redundancy Regained\")":
            "Fully Redundant",
        "LAN Leash Lost (system is unplugged from LAN)":
            "LAN Leash Lost",
        "FAN area intrusion (supports detection of hot plug fan tampering)":
            "FAN area intrusion",
        "Secure Mode (Front Panel Lockout) Violation attempt":
            "Secure Mode Violation attempt",
        "Pre-boot Password Violation attempt - setup password":
            "Pre-boot Password Violation - setup password",
        "FRB2/Hang in POST failure (used hang is believed to be due or related to a processor failure. Use System Firmware Progress sensor for other BIOS hangs.)":
            "FRB2/Hang in POST failure",
        "FRB3/Processor Startup/Initialization failure (CPU didn't start)":
            "FRB3/Processor Startup/Initialization failure",
        "Processor Automatically Throttled (processor throttling triggered by a hardware-based mechanism operating independent from system software, such as automatic thermal throttling or throttling to limit power consumption.)":
            "Processor Automatically Throttled",
        "Machine Check Exception (Uncorrectable)":
            "Machine Check Exception",
        "Power Supply Inactive (in standby state)":
            "Power Supply Inactive",
        "AC lost/Power input lost (The power source for the power unit was lost)":
            "AC lost/Power input lost",
        "Soft Power Control Failure (unit did not respond to request to turn on)":
            "Soft Power Control Failure",
        "Correctable ECC/other correctable memory error":
            "Correctable memory error",
        "Uncorrectable ECC/other uncorrectable memory error":
            "Uncorrectable memory error",
        "Memory Scrub Failed (stuck bit)":
            "Memory Scrub Failed",
        "Correctable ECC/other correctable memory error logging limit reached":
            "Correctable memory error logging limit reached",
        "Critical Overtemperature.  Memory device has entered a critical overtemperature state, exceeding specified operating conditions.  Memory devices in this state may produce errors or become inaccessible":
            "Critical Overtemperature",
        "Rebuild/Remap Aborted (was not completed normally)":
            "Rebuild/Remap Aborted",
        "System Firmware Error (POST Error)":
            "System Firmware Error",
        "Event `Type' Logging Disabled":
            "Event Type Logging Disabled",
        "Fatal NMI (port 61h, bit 7)":
            "Fatal NMI",
        "Bus Degraded (bus operating in a degraded performance state)":
            "Bus Degraded",
        "FRU latch open (Switch indicating FRU latch is in `unlatched' position and FRU is mechanically removable)":
            "FRU latch open",
        "FRU service request button (pressed, service, e.g. removal/replacement, requested)":
            "FRU service request button",
        "Soft Power Control Failure (chipset did not respond to BMC request to change system power state)":
            "Soft Power Control Failure",
        "Configuration Error - Incorrect cable connected / Incorrect interconnection":
            "Configuration Error - Incorrect cable connected",
        "Critical stop during OS load / initialization.  Unexpected error during system startup.  Stopped waiting for input or power cycle/reset.":
            "Critical stop during OS load",
        "Run-time Critical Stop (a.k.a. 'core dump', 'blue screen')":
            "Run-time Critical Stop",
        "OS Graceful Stop (system powered up, but normal OS operation has shut down and system is awaiting reset pushbutton, powercycle or other external input)":
            "OS Graceful Stop",
        "OS Graceful Shutdown (system graceful power down by OS)":
            "OS Graceful Shutdown",
        "Agent Not Responding.  Graceful shutdown request to agent via BMC did not occur due to missing or malfunctioning local agent.":
            "Agent Not Responding",
        "S0/G0 \"working\"":
            "S0/G0",
        "S1 \"sleeping with system h/w & processor context maintained\"":
            "S1",
        "S2 \"sleeping, processor context lost\"":
            "S2",
        "S3 \"sleeping, processor & h/w context lost, memory retained.\"":
            "S3",
        "S4 \"non-volatile sleep/suspend-to disk\"":
            "S4",
        "S5/G2 \"soft-off\"":
            "S5/G2",
        "S4/S5 soft-off, particular S4/S5 state cannot be determined":
            "S4/S5 soft-off",
        "Sleeping in an S1, S2, or S3 states (used when particular S1, S2, S3 state cannot be determined)":
            "Sleeping in an S1, S2, or S3 states",
        "G1 sleeping (S1-S4 state cannot be determined)":
            "G1 sleeping",
        "Timer expired, status only (no action, no interrupt)":
            "Timer expired, status only",
        "Platform Event Trap generated, formatted per IPMI PET specification":
            "Platform Event Trap generated",
        "battery low (predictive failure)":
            "battery low",
        "FRU Inactive (in standby or `hot spare' state)":
            "FRU Inactive",
    ]
}
