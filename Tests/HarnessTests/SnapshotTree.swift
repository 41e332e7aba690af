import Foundation
import Testing

/// A boot's snapshot unpacked into a temporary directory (removed with the value), for replaying
/// `mkagent facts --root` on the host.
final class SnapshotTree {
    let url: URL
    private let mkagent: String

    init(_ boot: ProfileBoot) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("mkagent-snapshot-\(UUID().uuidString)")
        mkagent = boot.run.mkagent
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let untar = try HostCommand.run(["tar", "-xzf", boot.run.snapshot.path, "-C", url.path])
        try #require(untar.status == 0, "tar: \(untar.stderr)")
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// `mkagent facts --root SNAPSHOT --only COLLECTORS`.
    func facts(only collectors: String) throws -> HostCommand.Result {
        try HostCommand.run([mkagent, "facts", "--root", url.path, "--only", collectors])
    }
}
