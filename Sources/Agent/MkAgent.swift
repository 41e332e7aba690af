import ArgumentParser

@main
struct MkAgent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mkagent",
        abstract: "On-node hardware discovery agent for bare-metal provisioners.",
        discussion: """
            Exit codes: 0 success (possibly with diagnostics for partial facts), 1 cannot run at all \
            (for example an unreadable --dmi-dump file or an unwritable --output), 64 usage error.
            """,
        version: MkAgentVersion.current,
        subcommands: [
            FactsCommand.self, DMICommand.self, LshwCommand.self, LspciCommand.self, LsscsiCommand.self, VersionCommand.self,
        ],
        defaultSubcommand: FactsCommand.self
    )
}
