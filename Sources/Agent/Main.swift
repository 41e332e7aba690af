import ArgumentParser
import Dispatch

/// The entry point. Every command but `run` is synchronous and runs here on the main thread: starting
/// Swift concurrency's thread pool for it (as an `async` main does) costs thread creation and several
/// hand-offs between threads on each start, which a loaded node pays in scheduling delays (measured with
/// `mkagent lshw`). `run` gets its async context from a task while the main thread serves the main queue.
@main
enum MkAgentMain {
    static func main() {
        if LeanCommandLine.run(Array(CommandLine.arguments.dropFirst())) { return }
        let command: ParsableCommand
        do {
            command = try MkAgent.parseAsRoot()
        } catch {
            MkAgent.exit(withError: error)
        }
        if let asyncCommand = command as? AsyncParsableCommand {
            let box = CommandBox(command: asyncCommand)
            Task {
                do {
                    try await box.command.run()
                    MkAgent.exit()
                } catch {
                    MkAgent.exit(withError: error)
                }
            }
            dispatchMain()
        }
        do {
            var command = command
            try command.run()
        } catch {
            MkAgent.exit(withError: error)
        }
    }

    /// The parsed command handed to the task that runs it; nothing else touches it.
    private final class CommandBox: @unchecked Sendable {
        var command: AsyncParsableCommand

        init(command: AsyncParsableCommand) {
            self.command = command
        }
    }
}
