import ArgumentParser
import Facts

struct FactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "facts", abstract: "Collect and print the node's facts.")
    @OptionGroup var roots: RootOptions
    func run() throws {}
}
