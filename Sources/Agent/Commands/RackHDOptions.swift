import ArgumentParser

/// `mkagent run --rackhd`: the RackHD task runner's options.
struct RackHDOptions: ParsableArguments {
    @Flag(name: .customLong("rackhd"), help: "Run RackHD's task runner instead of the Hanlon agent (also MKAGENT_PROTOCOL=rackhd).")
    var enabled = false

    @Option(name: .customLong("mac"), help: ArgumentHelp("The MAC the server knows this node by (RackHD; default: MAC=, BOOTIF=, else the first physical NIC).", valueName: "MAC"))
    var mac: String?

    @Option(name: .customLong("node-id"), help: ArgumentHelp("The node's id on the RackHD server; skips the bootstrap.js lookup.", valueName: "ID"))
    var nodeID: String?

    @Option(name: .customLong("poll-interval"), help: ArgumentHelp("Seconds between polls for tasks (RackHD).", valueName: "SECONDS"))
    var pollInterval: Double = 5

    @Option(name: .customLong("native-catalogs"), help: ArgumentHelp(
        "Answer the server's catalog commands (dmidecode, lshw, lspci, lsblk/lsscsi, lldpcli, ipmitool, ohai) natively: auto (when the tool or sudo is not installed), always, never.",
        valueName: "POLICY"))
    var nativeCatalogs = "auto"

    @Option(name: .customLong("work-dir"), help: ArgumentHelp("Where tasks run and downloaded scripts are saved (default: <spool-dir>/work).", valueName: "DIR"))
    var workDirectory: String?

    @Option(name: .customLong("lldp-window"), help: ArgumentHelp("Seconds a native `lldpcli show neighbor` listens for LLDP frames.", valueName: "SECONDS"))
    var lldpWindow: Double = 35

    @Option(name: .customLong("on-exit"), help: ArgumentHelp(
        "When the server's last batch says exit N: exit (end with status N for the wrapper script: 1 reboot, 2 power cycle, 127 stay up), act (reboot or power-cycle this node itself; 127 stays up), auto (act when PID 1, else exit).",
        valueName: "MODE"))
    var onExit = "auto"

    func validate() throws {
        guard NativeCatalogs.Policy(rawValue: nativeCatalogs) != nil else {
            throw ValidationError("--native-catalogs must be auto, always or never")
        }
        guard ["auto", "exit", "act"].contains(onExit) else { throw ValidationError("--on-exit must be auto, exit or act") }
        for (name, value) in [("--poll-interval", pollInterval), ("--lldp-window", lldpWindow)] where !(value > 0) {
            throw ValidationError("\(name) must be positive")
        }
    }
}
