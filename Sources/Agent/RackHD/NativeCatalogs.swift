/// The server's catalog commands that mkagent answers itself, matched on the exact `cmd` strings the
/// server's parsers key on, and what runs instead: mkagent's own subcommands, whose output has the layout
/// of the tool the command names.
struct NativeCatalogs: Sendable {
    /// `--native-catalogs`: `auto` answers natively when the command's tools (or `sudo`) are not installed.
    enum Policy: String, CaseIterable, Sendable {
        case auto, always, never
    }

    /// One piece of a native answer, in order; the exit status is the last subcommand's, as with `;` in sh.
    enum Step: Equatable, Sendable {
        /// `mkagent ARGUMENTS...`
        case subcommand([String])
        /// Literal standard output (the `echo BREAK` between lsblk and lsscsi).
        case text(String)
    }

    struct Plan: Equatable, Sendable {
        var steps: [Step]
        /// The programs the shell command would need; `auto` answers natively when one is missing.
        var tools: [String]
    }

    var policy: Policy
    /// The LLDP listening window for `lldpcli show neighbor`: mkagent has no lldpd to ask, so it listens.
    var lldpWindowSeconds: Double

    static let lsall = "sudo lsblk -o KNAME,TYPE,ROTA; echo BREAK; sudo lsscsi --size"
    static let lldp = "sudo /usr/sbin/lldpcli show neighbor -f keyvalue"
    /// The commands whose native answers take long enough to begin when the runner starts (`HeadStart`).
    static let early = [lldp]

    /// The native answer for `cmd`, or nil when it is not a catalog command mkagent knows.
    func plan(for cmd: String) -> Plan? {
        switch cmd {
        case "sudo dmidecode": return Plan(steps: [.subcommand(["dmi"])], tools: ["sudo", "dmidecode"])
        case "sudo lshw -json": return Plan(steps: [.subcommand(["lshw", "-json"])], tools: ["sudo", "lshw"])
        case "sudo lspci -nn -vmm": return Plan(steps: [.subcommand(["lspci", "-nn", "-vmm"])], tools: ["sudo", "lspci"])
        case Self.lsall:
            return Plan(steps: [.subcommand(["lsblk", "-o", "KNAME,TYPE,ROTA"]), .text("BREAK\n"), .subcommand(["lsscsi", "--size"])],
                        tools: ["sudo", "lsblk", "lsscsi"])
        case Self.lldp:
            return Plan(steps: [.subcommand(["lldp", "-f", "keyvalue", "--lldp-timeout", Self.seconds(lldpWindowSeconds)])],
                        tools: ["sudo", "/usr/sbin/lldpcli"])
        case "sudo ohai --directory /etc/ohai/plugins":
            return Plan(steps: [.subcommand(["ohai"])], tools: ["sudo", "ohai"])
        default:
            return ipmitool(cmd)
        }
    }

    /// `sudo ipmitool WORDS` for the commands `mkagent ipmi` prints in ipmitool's layouts (`-c` where
    /// ipmitool takes it: `-c user list N`, `sel list -c`).
    private func ipmitool(_ cmd: String) -> Plan? {
        let words = cmd.split(separator: " ").map(String.init)
        guard words.count > 2, words[0] == "sudo", words[1] == "ipmitool" else { return nil }
        let rest = Array(words.dropFirst(2))
        guard IPMICommand.action(rest.filter { $0 != "-c" }) != nil else { return nil }
        return Plan(steps: [.subcommand(["ipmi"] + rest)], tools: ["sudo", "ipmitool"])
    }

    /// Whether `cmd` is answered natively under the policy; `installed` says whether a program is in PATH
    /// (or, for a path, executable).
    func nativePlan(for cmd: String, installed: (String) -> Bool) -> Plan? {
        guard policy != .never, let plan = plan(for: cmd) else { return nil }
        if policy == .always { return plan }
        return plan.tools.allSatisfy(installed) ? nil : plan
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
