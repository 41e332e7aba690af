import Foundation
import Testing

/// The release binary (`-c release --static-swift-stdlib`, the one scripts/vm-image builds for the guests)
/// must start where glibc is the only library present (a busybox initramfs, a container holding little
/// more than glibc): the Swift runtime, the C++ runtime, GCC's unwinder and zlib are linked in
/// (`static-link/`). And it must not need a newer glibc than 2.35 (Ubuntu 22.04's, a common base of
/// provisioning images), which the Swift runtime built on Debian 12 needs anyway.
@Suite(.enabled(if: Harness.qemuAvailable && HostCommand.find("readelf") != nil,
                "qemu-system-x86_64 or readelf (binutils) not installed"))
struct ReleaseBinaryTests {
    static let glibc: Set<String> = ["libc.so.6", "libm.so.6", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1"]

    static func readelf(_ arguments: [String]) throws -> String {
        let binary = try Harness.image.get().appendingPathComponent("mkagent").path
        let result = try HostCommand.run([try #require(HostCommand.find("readelf"))] + arguments + [binary])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test func neededLibraries_areGlibcOnly() throws {
        // "0x0000000000000001 (NEEDED)  Shared library: [libc.so.6]"
        let needed = try Self.readelf(["-d", "-W"]).split(separator: "\n").filter { $0.contains("(NEEDED)") }
            .compactMap { line in line.split(separator: "[").last.map { String($0.dropLast()) } }
        #expect(needed.contains("libc.so.6"), "readelf found no NEEDED entries")
        #expect(Set(needed).subtracting(Self.glibc).isEmpty, "libraries beyond glibc: \(needed)")
    }

    @Test func glibcVersions_areAtMost2_35() throws {
        // "  0x0020: Name: GLIBC_2.35  Flags: none  Version: 5"
        let versions = try Self.readelf(["-V", "-W"]).split(whereSeparator: { $0 == " " || $0 == "\n" })
            .compactMap { word -> [Int]? in
                guard word.hasPrefix("GLIBC_2.") else { return nil }
                return word.dropFirst("GLIBC_".count).split(separator: ".").compactMap { Int($0) }
            }
        #expect(versions.contains([2, 34]), "readelf listed no glibc versions")
        let newer = versions.filter { !$0.lexicographicallyPrecedes([2, 35]) && $0 != [2, 35] }
        #expect(newer.isEmpty, "needs glibc \(newer)")
    }
}
