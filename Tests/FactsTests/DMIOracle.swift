import Foundation
@testable import Facts

/// dmidecode as the oracle: its text for a dump, split into `Handle` blocks.
enum DMIOracle {
    static let dmidecode: String? = ExternalTool.path("dmidecode")

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
        try ExternalTool.run("dmidecode", ["--from-dump", Fixtures.path(fixture)] + arguments).stdout
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

    static func table(_ fixture: String) throws -> SMBIOSTable {
        try Fixtures.dmiTable(fixture)
    }
}

extension DMIOracle {
    enum FieldValue: Equatable {
        case text(String)
        case list([String])
    }

    /// One `Handle` block of dmidecode's text as name → value (a list for `Name:` lines followed by items).
    struct FieldRecord {
        var handle: Int
        var type: UInt8
        var fields: [String: FieldValue]
    }

    static func fieldRecords(_ text: String) -> [FieldRecord] {
        blocks(text).compactMap { block in
            // "Handle 0x0401, DMI type 4, 48 bytes"
            let words = block[0].split(separator: " ")
            guard words.count >= 5, let handle = Int(words[1].dropFirst(2).dropLast(), radix: 16),
                  let type = UInt8(words[4].dropLast()) else { return nil }
            var fields: [String: FieldValue] = [:]
            var listName: String?
            for line in block.dropFirst(2) {
                if line.hasPrefix("\t\t") {
                    if let name = listName, case .list(var items)? = fields[name] {
                        items.append(String(line.dropFirst(2)))
                        fields[name] = .list(items)
                    }
                } else if line.hasPrefix("\t"), line.hasSuffix(":") {
                    let name = String(line.dropFirst().dropLast())
                    fields[name] = .list([])
                    listName = name
                } else if line.hasPrefix("\t"), let separator = line.range(of: ": ") {
                    let name = String(line[line.index(after: line.startIndex)..<separator.lowerBound])
                    if fields[name] == nil { fields[name] = .text(String(line[separator.upperBound...])) }
                    listName = nil
                }
            }
            return FieldRecord(handle: handle, type: type, fields: fields)
        }
    }
}
