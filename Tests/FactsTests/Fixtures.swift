import Foundation
@testable import Facts

/// The shared fixture tree (`../shared/fixtures` beside the project, or `MKAGENT_FIXTURES`).
enum Fixtures {
    static let root: String = {
        if let explicit = ProcessInfo.processInfo.environment["MKAGENT_FIXTURES"] { return explicit }
        let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return project.deletingLastPathComponent().appendingPathComponent("shared/fixtures").path
    }()

    static func path(_ relative: String) -> String { root + "/" + relative }

    static func bytes(_ relative: String) throws -> [UInt8] {
        try HostFiles.readFile(path(relative))
    }

    /// The SMBIOS table of a `dmidecode --dump-bin` fixture, read the way `mkagent --dmi-dump` reads it.
    static func dmiTable(_ relative: String) throws -> SMBIOSTable {
        let (loaded, diagnostics) = DMITableSource(files: HostFiles(root: .host)).load(dumpFile: path(relative))
        guard let loaded else { throw FixtureError.notADump(relative, diagnostics.map(\.error)) }
        return loaded.table
    }

    enum FixtureError: Error { case notADump(String, [String]) }
}
