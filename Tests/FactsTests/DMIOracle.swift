import Foundation
@testable import Facts

/// dmidecode as the oracle: its text for a dump, split into `Handle` blocks.
enum DMIOracle {
    static let dmidecode: String? = ["/usr/sbin/dmidecode", "/sbin/dmidecode", "/usr/bin/dmidecode"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The 21 `--dump-bin` files of real machines (the go-smbios raw tables wrapped in an entry point).
    static let dumps: [String] = {
        let dirs = ["dmi/u-root", "dmi/u-root-pkg-smbios", "dmi/systemd", "dmi/derived"]
        var files = dirs.flatMap { dir in
            ((try? FileManager.default.contentsOfDirectory(atPath: Fixtures.path(dir))) ?? [])
                .filter { $0.hasSuffix(".bin") }.map { dir + "/" + $0 }
        }
        files.append("dmi/go-smbios/Beelink-EQ12.dmi")
        return files.sorted()
    }()

    /// `dmidecode --from-dump FILE` standard output.
    static func text(_ fixture: String, arguments: [String] = []) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dmidecode!)
        process.arguments = ["--from-dump", Fixtures.path(fixture)] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Text split into blocks, each starting at a `Handle` line; whatever precedes the first is dropped.
    static func blocks(_ text: String) -> [[Substring]] {
        var blocks: [[Substring]] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("Handle ") {
                blocks.append([line])
            } else if !blocks.isEmpty, !line.isEmpty {
                blocks[blocks.count - 1].append(line)
            }
        }
        return blocks
    }

    /// Decodes a dump the way `mkagent dmi --dmi-dump` does.
    static func table(_ fixture: String) throws -> SMBIOSTable {
        let (loaded, _) = DMITableSource(files: HostFiles(root: .host)).load(dumpFile: Fixtures.path(fixture))
        guard let loaded else { throw OracleError.undecodable(fixture) }
        return loaded.table
    }

    enum OracleError: Error { case undecodable(String) }
}
