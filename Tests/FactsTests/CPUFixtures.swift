import Foundation
@testable import Facts

/// Real machines for the CPU tests: util-linux's lscpu regression dumps and ghw's /proc+/sys snapshots
/// (`../shared/fixtures/lscpu`, `../shared/fixtures/ghw-snapshots`), unpacked with tar into scratch trees.
enum CPUFixtures {
    /// The 22 dump names (`x86_64-epyc_7451`); each tarball holds `NAME/proc` and `NAME/sys`.
    static let lscpuDumps: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.path("lscpu"))) ?? []
        return names.filter { FileManager.default.fileExists(atPath: Fixtures.path("lscpu/\($0)/\($0).tar.gz")) }.sorted()
    }()

    /// The ghw snapshot tarballs (each holds `proc` and `sys` at its top). The three named aliases are git
    /// symlinks stored as small text files naming their target; only real gzip files are listed.
    static let ghwSnapshots: [String] = {
        let directory = Fixtures.path("ghw-snapshots")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { name in
            guard name.hasSuffix(".tar.gz"), let bytes = try? HostFiles.readFile(directory + "/" + name) else { return false }
            return bytes.starts(with: [0x1f, 0x8b])
        }.sorted()
    }()

    static func lscpuTarball(_ name: String) -> String { Fixtures.path("lscpu/\(name)/\(name).tar.gz") }
    static func ghwTarball(_ name: String) -> String { Fixtures.path("ghw-snapshots/\(name)") }

    /// A dump unpacked into a scratch tree; the root of its host trees is `tree.path + "/" + name`.
    static func unpackDump(_ name: String) throws -> (tree: ScratchDirectory, root: String) {
        let tree = try ScratchDirectory()
        try tar(["-xzf", lscpuTarball(name), "-C", tree.path])
        return (tree, tree.path + "/" + name)
    }

    /// A ghw snapshot unpacked into a scratch tree whose path is the root of its host trees.
    static func unpackSnapshot(_ name: String) throws -> ScratchDirectory {
        let tree = try ScratchDirectory()
        try tar(["-xzf", ghwTarball(name), "-C", tree.path])
        return tree
    }

    /// One file of a dump, read out of its tarball (`proc/cpuinfo`).
    static func dumpFile(_ name: String, _ relative: String) throws -> String {
        try tar(["-xzOf", lscpuTarball(name), "\(name)/\(relative)"])
    }

    @discardableResult
    static func tar(_ arguments: [String]) throws -> String {
        let result = try ExternalTool.run("tar", arguments)
        guard result.status == 0 else { throw FixtureError.tarFailed(arguments) }
        return result.stdout
    }

    enum FixtureError: Error { case tarFailed([String]) }
}

/// A scratch directory for unpacked dumps, removed (without following the dumps' symlinks) when the value
/// is released. It lives in /dev/shm where that is writable: a dump holds up to 16 000 small sysfs files,
/// which a busy disk writes slowly.
final class ScratchDirectory {
    let path: String

    init() throws {
        let shm = "/dev/shm"
        let parent = access(shm, W_OK) == 0 ? shm : FileManager.default.temporaryDirectory.path
        path = parent + "/mkagent-cpu-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
