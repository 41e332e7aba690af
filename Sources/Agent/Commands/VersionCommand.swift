import ArgumentParser

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print mkagent's version.")

    func run() {
        print("mkagent \(MkAgentVersion.current)")
    }
}
