import Foundation
import TestSupport

/// A command run on the host (a harness script, mkagent, tar) with its output captured.
struct HostCommand {
    typealias Result = CapturedRun

    /// Runs ARGUMENTS[0] (a path, or a name looked up in PATH) with the rest as its arguments.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        try CapturedRun.run("/usr/bin/env", arguments,
                            environment: ProcessInfo.processInfo.environment.merging(environment) { $1 })
    }

    /// The first executable named NAME in PATH (and the sbin directories, which a non-root PATH may lack).
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin", "/usr/bin", "/bin"]
        return directories.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
