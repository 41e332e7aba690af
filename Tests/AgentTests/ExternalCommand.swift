import Foundation
import TestSupport

/// Runs a program other than mkagent (`ip`, `tar`) and captures what it prints.
enum ExternalCommand {
    struct Failure: Error, CustomStringConvertible {
        var command: [String]
        var status: Int32
        var stderr: String
        var description: String { "\(command.joined(separator: " ")) exited \(status): \(stderr)" }
    }

    /// The first executable `name` among the usual directories; nil when it is not installed.
    static func find(_ name: String) -> String? { CapturedRun.find(name) }

    /// Runs `command` (an absolute path, then arguments); throws `Failure` on a non-zero exit when `check`.
    @discardableResult
    static func run(_ command: [String], check: Bool = true) throws -> String {
        let result = try CapturedRun.run(command[0], Array(command.dropFirst()))
        if check && result.status != 0 {
            throw Failure(command: command, status: result.status, stderr: result.stderr)
        }
        return result.stdout
    }
}
