import Foundation

/// The inputs of RackHD's parser tests: the stdout-helper.js constants (Tests/RackHDSpec) and the
/// samplefiles (../shared/fixtures/rackhd-samplefiles).
enum RackHDSpecInputs {
    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let sampleFiles: String = {
        if let explicit = ProcessInfo.processInfo.environment["MKAGENT_FIXTURES"] { return explicit + "/rackhd-samplefiles" }
        return projectRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures/rackhd-samplefiles").path
    }()

    /// A stdout-helper.js constant, by its name.
    static func helper(_ name: String) throws -> String {
        try String(contentsOf: projectRoot.appendingPathComponent("Tests/RackHDSpec/\(name).txt"), encoding: .utf8)
    }

    /// A samplefiles/ file, by its name.
    static func sample(_ name: String) throws -> String {
        try String(contentsOfFile: sampleFiles + "/" + name, encoding: .utf8)
    }
}
