import ArgumentParser

/// The root command; `MkAgentMain` is the entry point.
struct MkAgent: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mkagent",
        abstract: "On-node hardware discovery agent for bare-metal provisioners.",
        discussion: """
            Exit codes: 0 success (possibly with diagnostics for partial facts), 1 cannot run at all \
            (for example an unreadable --dmi-dump file, an unwritable --output, or `run` without a server), 64 usage error.
            """,
        version: MkAgentVersion.current,
        subcommands: [
            FactsCommand.self, RunCommand.self, DMICommand.self, LscpuCommand.self, LLDPCommand.self,
            IPMICommand.self, LshwCommand.self, LspciCommand.self, LsscsiCommand.self, LsblkCommand.self,
            OhaiCommand.self,
            VersionCommand.self,
        ],
        defaultSubcommand: FactsCommand.self
    )
}
