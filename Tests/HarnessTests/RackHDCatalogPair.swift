/// RackHD's catalog commands as each boot runs them twice, through the real tool and through mkagent's
/// native answer (the agent's own mapping), after ProfileBoot's commands.
struct RackHDCatalogPair: Sendable {
    /// The `cmd` RackHD's server picks its parser by.
    var cmd: String
    var tool: String
    var mkagent: String

    static let all: [RackHDCatalogPair] = [
        .init(cmd: "sudo dmidecode", tool: "dmidecode", mkagent: "mkagent dmi"),
        .init(cmd: "sudo lspci -nn -vmm", tool: "lspci -nn -vmm", mkagent: "mkagent lspci -nn -vmm"),
        .init(cmd: "sudo lshw -json", tool: "lshw -json", mkagent: "mkagent lshw -json"),
        // The lsblk half through mkagent where it has an lsblk command, else lsblk's own.
        .init(cmd: "sudo lsblk -o KNAME,TYPE,ROTA; echo BREAK; sudo lsscsi --size",
              tool: "lsblk -o KNAME,TYPE,ROTA; echo BREAK; lsscsi --size",
              mkagent: "{ mkagent lsblk -o KNAME,TYPE,ROTA 2>/dev/null || lsblk -o KNAME,TYPE,ROTA; }; echo BREAK; mkagent lsscsi --size"),
        .init(cmd: "sudo ipmitool lan print", tool: "ipmitool lan print", mkagent: "mkagent ipmi lan print"),
        .init(cmd: "sudo ipmitool mc info", tool: "ipmitool mc info", mkagent: "mkagent ipmi mc info"),
        .init(cmd: "sudo ipmitool fru", tool: "ipmitool fru", mkagent: "mkagent ipmi fru"),
        .init(cmd: "sudo ipmitool sel", tool: "ipmitool sel", mkagent: "mkagent ipmi sel"),
        .init(cmd: "sudo ipmitool sel list -c", tool: "ipmitool sel list -c", mkagent: "mkagent ipmi sel list -c"),
        .init(cmd: "sudo ipmitool user summary 1", tool: "ipmitool user summary 1", mkagent: "mkagent ipmi user summary 1"),
        .init(cmd: "sudo ipmitool -c user list 1", tool: "ipmitool -c user list 1", mkagent: "mkagent ipmi -c user list 1"),
    ]

    /// The guest command lines, tool then mkagent for each pair.
    static var guestLines: [String] { all.flatMap { [$0.tool, $0.mkagent] } }

    /// The two outputs of pair INDEX in a boot whose first FIRST commands were ProfileBoot's.
    static func outputs(_ index: Int, in run: GuestRun, after first: Int) -> (tool: GuestRun.Output, mkagent: GuestRun.Output) {
        (run.command(first + 2 * index), run.command(first + 2 * index + 1))
    }
}
