import Foundation
@testable import Facts

/// tcpdump as the oracle for LLDP and CDP: its `-n -v` text for a capture, split into packets and TLVs.
enum TcpdumpOracle {
    static let tcpdump: String? = ExternalTool.path("tcpdump")

    /// Every capture under `lldp/` (tcpdump's regression pcaps and the Wireshark samples).
    static let captures: [String] = ["lldp/tcpdump", "lldp/wireshark-samples"].flatMap { dir in
        ((try? FileManager.default.contentsOfDirectory(atPath: Fixtures.path(dir))) ?? [])
            .filter { $0.hasSuffix(".pcap") }.sorted().map { dir + "/" + $0 }
    }

    /// One packet of tcpdump's output: its first line and its indented lines.
    struct Packet {
        var header: String
        var lines: [String]

        var isLLDP: Bool { header.contains(" LLDP, length ") }
        var isCDP: Bool { header.contains("CDPv") }
    }

    /// One TLV of an LLDP packet: tcpdump's header line (`Chassis ID TLV (1), length 7`) and body lines.
    struct TLV {
        var name: String
        var type: Int
        var length: Int
        /// Whatever follows the length on the header line, without the `: ` (`TTL 120s`).
        var inlineValue: String?
        var lines: [String]
        var truncated: Bool
    }

    /// `TZ=GMT0 tcpdump -n -v -r FILE`, one `Packet` per record of the file.
    static func packets(_ fixture: String) throws -> [Packet] {
        let output = try ExternalTool.run("tcpdump", ["-n", "-v", "-r", Fixtures.path(fixture)],
                                          environment: ["TZ": "GMT0", "PATH": "/usr/bin:/bin"]).stdout
        var packets: [Packet] = []
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { continue }
            if line.first != "\t" && line.first != " " {
                packets.append(Packet(header: String(line), lines: []))
            } else if !packets.isEmpty {
                packets[packets.count - 1].lines.append(String(line))
            }
        }
        return packets
    }

    /// The TLV blocks of an LLDP packet: a line with one tab opens a TLV, deeper lines belong to it.
    static func tlvs(_ packet: Packet) -> [TLV] {
        var result: [TLV] = []
        for line in packet.lines {
            if line.hasPrefix("\t") && !line.hasPrefix("\t ") {
                let text = String(line.dropFirst())
                guard let match = text.firstMatch(of: #/^(.*) TLV \((\d+)\), length (\d+)(?:: (.*))?$/#)
                    ?? text.replacing(" [|lldp]", with: "").firstMatch(of: #/^(.*) TLV \((\d+)\), length (\d+)(?:: (.*))?$/#)
                else { continue }
                result.append(TLV(
                    name: String(match.1), type: Int(match.2)!, length: Int(match.3)!,
                    inlineValue: match.4.map { String($0).replacing(" [|lldp]", with: "") },
                    lines: [], truncated: text.hasSuffix("[|lldp]")))
            } else if !result.isEmpty {
                let trimmed = line.drop(while: { $0 == "\t" || $0 == " " })
                result[result.count - 1].lines.append(String(trimmed).replacing(" [|lldp]", with: ""))
                if line.hasSuffix("[|lldp]") { result[result.count - 1].truncated = true }
            }
        }
        return result
    }

    /// How tcpdump prints a byte string (`fn_print_char`): `M-` for bytes above 0x7F, `^X` for controls.
    static func escaped(_ bytes: [UInt8]) -> String {
        var out = ""
        for var byte in bytes {
            if byte > 0x7F {
                out += "M-"
                byte &= 0x7F
            }
            if byte < 0x20 || byte == 0x7F {
                out += "^" + String(UnicodeScalar(byte == 0x7F ? 0x3F : byte ^ 0x40))
            } else {
                out += String(UnicodeScalar(byte))
            }
        }
        return out
    }

    static func escaped(_ text: String) -> String { escaped(Array(text.utf8)) }

    /// The value in a trailing `(0x00c3)` or `(5)` as a number.
    static func parenthesisedNumber(_ text: String) -> Int? {
        guard let match = text.firstMatch(of: #/\((0x[0-9a-fA-F]+|\d+)\)\s*$/#) else { return nil }
        let digits = String(match.1)
        return digits.hasPrefix("0x") ? Int(digits.dropFirst(2), radix: 16) : Int(digits)
    }
}
