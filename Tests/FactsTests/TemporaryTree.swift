import Foundation

/// A scratch directory for one test, removed when the value is released.
final class TemporaryTree {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("mkagent-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        chmodRecursively(path)
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `bytes` at `relative`, creating directories.
    func write(_ relative: String, _ bytes: [UInt8]) throws {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
    }

    /// Writes a text file (sysfs attributes end in a newline).
    func write(_ relative: String, _ text: String) throws {
        try write(relative, Array((text + "\n").utf8))
    }

    /// A symbolic link at `relative` whose text is `target` (relative links, as sysfs has them).
    func link(_ relative: String, to target: String) throws {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: target)
    }

    /// A host tree whose only files are the kernel's copies of the SMBIOS table, made from a `--dump-bin` file.
    static func sysfsDMI(fromDump fixture: [UInt8]) throws -> TemporaryTree {
        let tree = try TemporaryTree()
        let entryLength = fixture.starts(with: Array("_SM3_".utf8)) ? Int(fixture[6]) : Int(fixture[5])
        try tree.write("sys/firmware/dmi/tables/smbios_entry_point", Array(fixture.prefix(entryLength)))
        try tree.write("sys/firmware/dmi/tables/DMI", Array(fixture[0x20...]))
        return tree
    }

    /// Restores permissions a test took away so the tree can be removed. Symbolic links are not followed:
    /// sysfs trees are full of them, some in cycles, some pointing out of the tree.
    private func chmodRecursively(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFLNK else { return }
        chmod(path, 0o755)
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return }
        if let names = try? FileManager.default.contentsOfDirectory(atPath: path) {
            for name in names { chmodRecursively(path + "/" + name) }
        }
    }
}
