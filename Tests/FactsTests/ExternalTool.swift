import Foundation
import TestSupport

/// Runs an installed tool (an oracle such as sfdisk, lspci, lsscsi, tar) and captures its output.
enum ExternalTool {
    typealias Output = CapturedRun

    /// The tool's path in the usual directories (tests may run with a PATH without /usr/sbin).
    static func path(_ name: String) -> String? { CapturedRun.find(name) }

    /// `environment`, when given, is the tool's whole environment; `directory` its working directory.
    static func run(_ name: String, _ arguments: [String], input: String? = nil, environment: [String: String]? = nil,
                    directory: String? = nil) throws -> Output {
        guard let path = path(name) else { throw Missing(name: name) }
        return try CapturedRun.run(path, arguments, environment: environment, directory: directory,
                                   input: input.map { Data($0.utf8) })
    }

    struct Missing: Error, CustomStringConvertible {
        var name: String
        var description: String { "\(name) is not installed (see .ci/run)" }
    }
}
