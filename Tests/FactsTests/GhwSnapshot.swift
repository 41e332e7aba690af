import Foundation
@testable import Facts

/// A ghw snapshot (`../shared/fixtures/ghw-snapshots`): a real machine's /proc and /sys, cut down to what
/// ghw reads. Some archives are one-line text files naming another archive; those resolve to it, so each
/// machine is tested once.
struct GhwSnapshot: Sendable, CustomStringConvertible {
    let archive: String

    var description: String { URL(fileURLWithPath: archive).lastPathComponent }

    static let all: [GhwSnapshot] = {
        let directory = Fixtures.path("ghw-snapshots")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var archives: [String] = []
        for name in names.sorted() where name.hasSuffix(".tar.gz") {
            var path = directory + "/" + name
            if let bytes = try? HostFiles.readFile(path), bytes.prefix(2) != [0x1F, 0x8B] {
                path = directory + "/" + String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            if !archives.contains(path) { archives.append(path) }
        }
        return archives.map(GhwSnapshot.init)
    }()

    /// Unpacks the archive (with `tar`, as a user would) into a fresh temporary tree.
    func extract() throws -> TemporaryTree {
        let tree = try TemporaryTree()
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tar.arguments = ["tar", "-xzf", archive, "-C", tree.path]
        try tar.run()
        tar.waitUntilExit()
        guard tar.terminationStatus == 0 else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: archive])
        }
        return tree
    }
}
