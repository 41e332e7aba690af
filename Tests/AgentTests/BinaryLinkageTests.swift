import Testing
import TestSupport

/// The binary must start where glibc is the only library present (a busybox initramfs, a container holding
/// little more than glibc): the C++ runtime, the GCC unwinder and zlib are linked in (`static-link/`).
@Suite(.enabled(if: CapturedRun.find("readelf") != nil, "readelf (binutils) is not installed"))
struct BinaryLinkageTests {
    static let glibc: Set<String> = ["libc.so.6", "libm.so.6", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1"]

    @Test func neededLibraries_areGlibcOnly() throws {
        let result = try MkAgentProcess.execute(["readelf", "-d", "-W", MkAgentProcess.binary])
        #expect(result.status == 0, "\(result.stderr)")
        // "0x0000000000000001 (NEEDED)  Shared library: [libc.so.6]"
        let needed = result.stdout.split(separator: "\n").filter { $0.contains("(NEEDED)") }.compactMap { line in
            line.split(separator: "[").last.map { String($0.dropLast()) }
        }
        #expect(needed.contains("libc.so.6"), "readelf found no NEEDED entries: \(result.stdout)")
        #expect(Set(needed).subtracting(Self.glibc).isEmpty, "libraries beyond glibc: \(needed)")
    }
}
