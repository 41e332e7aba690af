import Foundation
import TestSupport

/// util-linux lscpu (2.38.1 on Debian 12) as the oracle for `mkagent lscpu`: both run on the same
/// unpacked dump, and their JSON is compared field by field.
enum LscpuOracle {
    static let lscpu: String? = ["/usr/bin/lscpu", "/bin/lscpu"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static let fixtures: String = {
        let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return ProcessInfo.processInfo.environment["MKAGENT_FIXTURES"]
            ?? project.deletingLastPathComponent().appendingPathComponent("shared/fixtures").path
    }()

    /// util-linux's 22 regression dumps: `lscpu/NAME/NAME.tar.gz`, each holding `NAME/proc` and `NAME/sys`.
    static let dumps: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures + "/lscpu")) ?? []
        return names.filter { FileManager.default.fileExists(atPath: "\(fixtures)/lscpu/\($0)/\($0).tar.gz") }.sorted()
    }()

    /// Fields that depend on the machine lscpu runs on rather than on the dump: with --sysroot it prints
    /// its own uname and build byte order, mkagent what the dump shows (`s390x`, `Big Endian`).
    static let hostFields: Set<String> = ["Architecture:", "Byte Order:"]

    struct Line: Equatable {
        var field: String
        var data: String?
    }

    /// `{"lscpu": [{"field": ..., "data": ...}]}` as lines.
    static func lines(json text: String) throws -> [Line] {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let rows = object["lscpu"] as? [[String: Any]]
        else { throw OracleError.notLscpuJSON(String(text.prefix(200))) }
        return rows.map { Line(field: $0["field"] as? String ?? "", data: $0["data"] as? String) }
    }

    /// Lines keyed by field and occurrence (`Model name:#2` is the second type's model name), so that a
    /// missing or extra line costs one mismatch, not every line after it.
    static func keyed(_ lines: [Line]) -> [(key: String, data: String?)] {
        var seen: [String: Int] = [:]
        return lines.map { line in
            seen[line.field, default: 0] += 1
            return ("\(line.field)#\(seen[line.field]!)", line.data)
        }
    }

    struct Comparison {
        var fields = 0
        var matched = 0
        /// `key: lscpu 'x', mkagent 'y'`.
        var mismatches: [(key: String, message: String)] = []
    }

    static func compare(expected: [Line], actual: [Line], skipping skipped: Set<String>) -> Comparison {
        let expectedKeyed = keyed(expected.filter { !skipped.contains($0.field) })
        let actualKeyed = keyed(actual.filter { !skipped.contains($0.field) })
        let actualByKey = Dictionary(actualKeyed.map { ($0.key, $0.data) }, uniquingKeysWith: { first, _ in first })
        let expectedKeys = Set(expectedKeyed.map(\.key))
        var result = Comparison()
        for (key, data) in expectedKeyed {
            result.fields += 1
            if let mine = actualByKey[key], mine == data {
                result.matched += 1
            } else {
                let mine = actualByKey[key].map { $0.map { "'\($0)'" } ?? "null" } ?? "(missing)"
                result.mismatches.append((key, "lscpu '\(data ?? "null")', mkagent \(mine)"))
            }
        }
        for (key, data) in actualKeyed where !expectedKeys.contains(key) {
            result.mismatches.append((key, "lscpu (missing), mkagent '\(data ?? "null")'"))
        }
        return result
    }

    /// Runs a program and returns its standard output.
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        try CapturedRun.run(executable, arguments).stdout
    }

    /// A dump unpacked (with tar) into a scratch directory, removed when released. /dev/shm when writable:
    /// a dump holds up to 16 000 small files, which a busy disk writes slowly.
    final class Unpacked {
        let directory: String
        let root: String

        init(tarball: String, rootName: String?) throws {
            let parent = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : FileManager.default.temporaryDirectory.path
            let directory = parent + "/mkagent-lscpu-\(UUID().uuidString)"
            self.directory = directory
            root = rootName.map { directory + "/" + $0 } ?? directory
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["tar", "-xzf", tarball, "-C", directory]
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw OracleError.tarFailed(tarball) }
        }

        deinit {
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    static func unpack(dump name: String) throws -> Unpacked {
        try Unpacked(tarball: "\(fixtures)/lscpu/\(name)/\(name).tar.gz", rootName: name)
    }

    enum OracleError: Error { case notLscpuJSON(String), tarFailed(String) }
}
