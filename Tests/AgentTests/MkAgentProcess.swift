import Foundation
import TestSupport

/// Runs the built `mkagent` binary (it sits beside the test bundle in the build directory).
struct MkAgentProcess {
    typealias Result = CapturedRun

    static let binary: String = {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [bundle, bundle.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("mkagent").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return bundle.appendingPathComponent("mkagent").path
    }()

    /// Runs `mkagent ARGS`, optionally through a wrapper (`setpriv ...`), with MKAGENT_* variables cleared.
    static func run(_ arguments: [String], wrapper: [String] = [], environment: [String: String] = [:]) throws -> Result {
        try execute(wrapper + [binary] + arguments, environment: environment)
    }

    /// Runs any program (an oracle tool such as lspci) the same way.
    static func execute(_ command: [String], environment: [String: String] = [:]) throws -> Result {
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("MKAGENT_") }
        env.merge(environment) { $1 }
        return try CapturedRun.run(command[0], Array(command.dropFirst()), environment: env)
    }
}
