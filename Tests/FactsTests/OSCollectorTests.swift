import Foundation
import Testing
@testable import Facts

@Suite struct OSCollectorTests {
    static func collect(_ tree: TemporaryTree) -> (OSFacts?, [Diagnostic]) {
        let output = OSCollector().collect(CollectionContext(files: HostFiles(root: HostRoot(under: tree.path))))
        var facts = Facts(metadata: FactsMetadata(
            mkagentVersion: "test", collectedAt: "", roots: HostRoot(under: tree.path), rootOrigins: [:], collectors: []))
        output.apply(&facts)
        return (facts.os, output.diagnostics)
    }

    @Test func completeTree_givesEveryValue() throws {
        let tree = try TemporaryTree()
        let files = [
            "proc/sys/kernel/ostype": "Linux\n",
            "proc/sys/kernel/osrelease": "6.1.0-18-amd64\n",
            "proc/sys/kernel/version": "#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)\n",
            "proc/sys/kernel/arch": "x86_64\n",
            "proc/sys/kernel/hostname": "node-17\n",
            "proc/sys/kernel/domainname": "(none)\n",
            "proc/uptime": "1910.89 2459.64\n",
            "proc/stat": "cpu  1 2 3\nintr 0\nbtime 1700000000\nprocesses 9\n",
            "proc/loadavg": "0.89 1.08 1.12 3/123 30781\n",
            "proc/cmdline": "BOOT_IMAGE=/vmlinuz quiet hanlon.ip=10.0.0.2\n",
            "etc/os-release": "NAME=\"Debian GNU/Linux\"\nID=debian\nID_LIKE='rhel fedora'\nVERSION_ID=\"12\"\nPRETTY_NAME=\"Debian \\\"12\\\"\"\n# comment\n",
        ]
        for (path, text) in files { try tree.write(path, Array(text.utf8)) }
        let (os, diagnostics) = Self.collect(tree)
        #expect(diagnostics.isEmpty)
        let section = try #require(os)
        #expect(section.kernel == KernelFacts(
            name: "Linux", release: "6.1.0-18-amd64", version: "#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)",
            architecture: "x86_64"))
        #expect(section.hostname == "node-17")
        #expect(section.domainname == nil)
        #expect(section.uptimeSeconds == 1910.89)
        #expect(section.bootTime == "2023-11-14T22:13:20Z")
        #expect(section.loadAverage == LoadAverage(oneMinute: 0.89, fiveMinutes: 1.08, fifteenMinutes: 1.12))
        #expect(section.cmdline?.value(of: "hanlon.ip") == "10.0.0.2")
        let release = try #require(section.release)
        #expect(release.name == "Debian GNU/Linux")
        #expect(release.id == "debian")
        #expect(release.idLike == ["rhel", "fedora"])
        #expect(release.versionId == "12")
        #expect(release.prettyName == "Debian \"12\"")
    }

    @Test func emptyTree_namesTheFilesItCannotDoWithout() throws {
        let tree = try TemporaryTree()
        let (os, diagnostics) = Self.collect(tree)
        let section = try #require(os)
        #expect(section.kernel.release == nil)
        #expect(section.release == nil)
        let errors = diagnostics.filter { $0.severity == .error }.compactMap(\.path)
        #expect(errors == ["proc/sys/kernel/osrelease", "proc/sys/kernel/hostname", "proc/cmdline"].map { tree.path + "/" + $0 })
        #expect(diagnostics.count == 3)
    }

    @Test func garbageValues_areNamed_andLeftOut() throws {
        let tree = try TemporaryTree()
        try tree.write("proc/uptime", Array("soon\n".utf8))
        try tree.write("proc/loadavg", Array("high\n".utf8))
        try tree.write("proc/stat", Array("cpu 1 2 3\n".utf8))
        try tree.write("etc/os-release", Array("ID=debian\nnot an assignment\nNAME=\"open\n".utf8))
        let (os, diagnostics) = Self.collect(tree)
        #expect(os?.uptimeSeconds == nil)
        #expect(os?.loadAverage == nil)
        #expect(os?.bootTime == nil)
        #expect(os?.release?.id == "debian")
        let messages = diagnostics.map(\.error)
        #expect(messages.contains("'soon' does not start with seconds; left out"))
        #expect(messages.contains("'high' is not three load averages; left out"))
        #expect(messages.contains("no btime line; the boot time is left out"))
        #expect(messages.contains("line 2: 'not an assignment' is not KEY=value; skipped"))
        #expect(messages.contains("line 3: 'NAME=\"open' is not KEY=value; skipped"))
    }

    @Test func osReleaseQuoting() {
        #expect(OSRelease.unquote(#""a \"b\" \$c \\ \n""#) == #"a "b" $c \ \n"#)
        #expect(OSRelease.unquote("'x \\ y'") == "x \\ y")
        #expect(OSRelease.unquote("bare\\ word") == "bare word")
        #expect(OSRelease.unquote("\"open") == nil)
    }

    @Test func utcTimestamps() {
        #expect(RFC3339.format(seconds: 0) == "1970-01-01T00:00:00Z")
        #expect(RFC3339.format(seconds: 951_782_400) == "2000-02-29T00:00:00Z")
        #expect(RFC3339.format(seconds: 1_795_435_656) == "2026-11-23T12:07:36Z")
        #expect(RFC3339.format(seconds: -1) == "1969-12-31T23:59:59Z")
    }
}
