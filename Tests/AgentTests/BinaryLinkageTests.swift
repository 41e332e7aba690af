import Testing
import TestSupport

/// The binary must start where glibc is the only library present (a busybox initramfs, a container holding
/// little more than glibc): the C++ runtime, the GCC unwinder and zlib are linked in (`static-link/`). The
/// Swift runtime's own libraries are linked in by `--static-swift-stdlib` (release builds); a debug build,
/// which the tests run, still loads them as shared libraries.
@Suite(.enabled(if: CapturedRun.find("readelf") != nil, "readelf (binutils) is not installed"))
struct BinaryLinkageTests {
    static let glibc: Set<String> = ["libc.so.6", "libm.so.6", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1"]

    static func isSwiftRuntime(_ library: String) -> Bool {
        library.hasPrefix("libswift") || library.hasPrefix("libFoundation") || library.hasPrefix("lib_Foundation")
            || library == "libdispatch.so" || library == "libBlocksRuntime.so"
    }

    @Test func neededLibraries_areGlibcOnly() throws {
        let readelf = try #require(CapturedRun.find("readelf"))
        let result = try MkAgentProcess.execute([readelf, "-d", "-W", MkAgentProcess.binary])
        #expect(result.status == 0, "\(result.stderr)")
        // "0x0000000000000001 (NEEDED)  Shared library: [libc.so.6]"
        let needed = result.stdout.split(separator: "\n").filter { $0.contains("(NEEDED)") }.compactMap { line in
            line.split(separator: "[").last.map { String($0.dropLast()) }
        }
        #expect(needed.contains("libc.so.6"), "readelf found no NEEDED entries: \(result.stdout)")
        let beyondGlibc = needed.filter { !Self.glibc.contains($0) && !Self.isSwiftRuntime($0) }
        #expect(beyondGlibc.isEmpty, "libraries beyond glibc and the Swift runtime: \(beyondGlibc)")
    }

    /// glibc 2.35 (Ubuntu 22.04's, a common base of provisioning images) is the newest the binary may need:
    /// the Swift runtime built on Debian 12 needs it, and nothing linked in may raise it.
    @Test func glibcVersions_areAtMost2_35() throws {
        let readelf = try #require(CapturedRun.find("readelf"))
        let result = try MkAgentProcess.execute([readelf, "-V", "-W", MkAgentProcess.binary])
        #expect(result.status == 0, "\(result.stderr)")
        // "  0x0020: Name: GLIBC_2.35  Flags: none  Version: 5"
        let versions = result.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { word -> [Int]? in
            guard word.hasPrefix("GLIBC_2.") else { return nil }
            return word.dropFirst("GLIBC_".count).split(separator: ".").compactMap { Int($0) }
        }
        #expect(versions.contains([2, 34]), "readelf listed no glibc versions: \(result.stdout)")
        let newer = versions.filter { $0.lexicographicallyPrecedes([2, 35]) == false && $0 != [2, 35] }
        #expect(newer.isEmpty, "needs glibc \(newer)")
    }
}
