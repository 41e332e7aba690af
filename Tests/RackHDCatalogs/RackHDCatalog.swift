/// What RackHD's server makes of one task's output (on-tasks lib/utils/job-utils/command-parser.js): the
/// catalog `source` it is stored under, the parsed `data`, whether it is stored, the lookups (MAC, IP)
/// it adds, or the error that keeps it out.
public struct RackHDCatalog {
    public var source: String
    public var data: JSValue?
    public var store: Bool
    public var lookups: JSValue?
    public var error: String?

    public init(source: String, data: JSValue? = nil, store: Bool = false, lookups: JSValue? = nil, error: String? = nil) {
        self.source = source
        self.data = data
        self.store = store
        self.lookups = lookups
        self.error = error
    }

    static func failed(_ source: String, _ error: Error) -> RackHDCatalog {
        RackHDCatalog(source: source, error: "\(error)")
    }
}

/// A reimplementation, rule for rule, of the parsers RackHD's server applies to the catalog commands
/// mkagent answers natively. Each parser follows the JavaScript, quirks included: `split(':')` keeps only
/// the text between the first two colons, `parseInt` decides whether a DMI value is a list length, a lookup
/// on a missing record throws and so stores nothing.
public enum RackHDCommandParser {
    /// The parser for an exact `cmd` (command-parser.js: the prototype methods), then the pattern parsers.
    public static func parse(cmd: String, stdout: String) -> RackHDCatalog {
        switch cmd {
        case "sudo dmidecode": return RackHDDMIParser.parse(stdout)
        case "sudo ohai --directory /etc/ohai/plugins": return RackHDDeviceParsers.ohai(stdout)
        case "sudo lshw -json": return RackHDDeviceParsers.lshw(stdout)
        case "sudo lspci -nn -vmm": return RackHDDeviceParsers.lspci(stdout)
        case "sudo lsblk -o KNAME,TYPE,ROTA; echo BREAK; sudo lsscsi --size": return RackHDDeviceParsers.lsscsi(stdout)
        case "sudo /usr/sbin/lldpcli show neighbor -f keyvalue": return RackHDDeviceParsers.lldp(stdout)
        case "sudo ipmitool mc info": return RackHDIPMIParsers.mcInfo(stdout)
        case "sudo ipmitool sel": return RackHDIPMIParsers.selInformation(stdout)
        case "sudo ipmitool sel list -c": return RackHDIPMIParsers.selList(stdout)
        case "sudo ipmitool fru": return RackHDIPMIParsers.fru(stdout)
        default: break
        }
        if let match = RackHDIPMIParsers.channelCommand(cmd) {
            switch match.kind {
            case .userList: return RackHDIPMIParsers.userList(stdout, channel: match.channel)
            case .userSummary: return RackHDIPMIParsers.userSummary(stdout, channel: match.channel)
            case .lanPrint: return RackHDIPMIParsers.lanPrint(stdout, channel: match.channel)
            }
        }
        return RackHDCatalog(source: "unknown", error: "No parser exists for command \(cmd)")
    }
}
