import Foundation
import Testing

private let qemuInstalled = FileManager.default.isExecutableFile(atPath: "/usr/bin/qemu-system-x86_64")

/// The overlay as a RackHD node boots it: a QEMU guest (the harness's edge-box profile: SMBIOS tables, a KCS
/// BMC, disks, a NIC) with `API_CB=` and `BOOTIF=` on its kernel command line fetches
/// overlayfs_mkagent.cpio.gz from the test server, unpacks it and runs its /etc/rc.local; mkagent runs the
/// whole discovery graph against the test server on the host and rc.local acts on the exit code.
@Suite(.serialized, .enabled(if: qemuInstalled, "qemu-system-x86_64 not installed"))
struct RackHDOverlayQEMUTests {
    static let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let profileMAC = "52:54:00:ab:cd:01"

    static func script(_ path: String) -> String { project.appendingPathComponent(path).path }

    @Test func overlayInAGuest_runsTheDiscoveryGraphNatively_andRebootsOnExit1() throws {
        // The guest image carries the release static mkagent; the overlay packs that same binary.
        let image = try MkAgentProcess.execute([Self.script("scripts/vm-image")])
        let imageDir = try #require(image.stdout.split(separator: "\n").last.map(String.init), "vm-image: \(image.stderr)")
        let scratch = try ScratchDirectory()
        let overlay = scratch.path + "/overlayfs_mkagent.cpio.gz"
        let packed = try MkAgentProcess.execute([Self.script("container/overlay/build-overlay.sh"), "--binary", imageDir + "/mkagent", "--output", overlay])
        #expect(packed.status == 0, "\(packed.stderr)")
        let listing = try MkAgentProcess.execute(["/bin/sh", "-c", "zcat '\(overlay)' | cpio -t --quiet"])
        #expect(Set(listing.stdout.split(separator: "\n")).isSuperset(of: ["etc/rc.local", "usr/local/bin/mkagent"]), "\(listing.stdout)")

        let server = try RackHDTestServer(mac: Self.profileMAC, jobs: DiscoveryGraph.jobs)
        server.addTemplate("overlayfs_mkagent.cpio.gz", try Data(contentsOf: URL(fileURLWithPath: overlay)))
        let guestCommand = """
            busybox wget -q -O /tmp/overlay.cpio.gz http://10.0.2.100:\(server.port)/api/current/templates/overlayfs_mkagent.cpio.gz && \
            cd / && busybox zcat /tmp/overlay.cpio.gz | busybox cpio -idmu 2>/dev/null && \
            MKAGENT_SYSRQ=/tmp/sysrq MKAGENT_ARGS='--lldp-window 3 --poll-interval 0.5' /etc/rc.local; \
            echo "rc.local $?"; cat /tmp/sysrq; cat /var/log/mkagent.log
            """
        let results = scratch.path + "/results"
        let run = try MkAgentProcess.execute(
            [Self.script("scripts/vm-run"), "--results", results, "--no-oracle", "--no-snapshot", "--forward", String(server.port),
             "edge-box", "--", guestCommand],
            environment: ["MKAGENT_VM_IMAGE": imageDir,
                          "MKAGENT_VM_APPEND": "API_CB=10.0.2.100:\(server.port) BOOTIF=01-\(Self.profileMAC.replacingOccurrences(of: ":", with: "-"))"])
        let guestOut = (try? String(contentsOfFile: results + "/cmd/0.stdout", encoding: .utf8)) ?? ""
        #expect(run.status == 0, "vm-run \(run.status): \(run.stderr.suffix(2000))")
        #expect(guestOut.contains("rc.local 0") && guestOut.contains("\nb\n"), "rc.local wrote b to the sysrq trigger:\n\(guestOut)")
        #expect(guestOut.contains("mkagent run --rackhd exited 1"), "\(guestOut)")

        let posts = server.posts
        #expect(posts.map(\.job) == Array(0..<DiscoveryGraph.jobs.count), "every job posted once, in order:\n\(guestOut)")
        for post in posts { #expect(post.violations.isEmpty, "job \(post.job): \(post.violations)") }
        guard posts.count == DiscoveryGraph.jobs.count else { return }
        let dmi = posts[1].tasks.first?["stdout"] as? String ?? ""
        #expect(dmi.contains("\tProduct Name: EW-100 Edge Gateway"), "the guest's own SMBIOS table")
        let bmc = Dictionary(posts[3].tasks.map { ($0["cmd"] as? String ?? "", $0) }) { first, _ in first }
        #expect((bmc["sudo ipmitool mc info"]?["stdout"] as? String ?? "").contains("Manufacturer ID           : 10876"),
                "the guest's BMC answers: \(bmc["sudo ipmitool mc info"] ?? [:])")
        #expect((bmc["sudo ipmitool fru"]?["stdout"] as? String ?? "").contains("EW-100 Edge Gateway"))
        let lshw = posts[4].tasks.count > 1 ? posts[4].tasks[1]["stdout"] as? String ?? "" : ""
        let tree = (try? JSONSerialization.jsonObject(with: Data(lshw.utf8))) as? [String: Any]
        #expect(((tree?["children"] as? [[String: Any]])?.first?["children"] as? [Any])?.isEmpty == false, "lshw -json has children[0].children")
        let lsall = posts[4].tasks.count > 2 ? posts[4].tasks[2]["stdout"] as? String ?? "" : ""
        let halves = lsall.components(separatedBy: "\nBREAK\n")
        let rows = halves.first?.split(separator: "\n").map { $0.split(separator: " ").map(String.init) } ?? []
        #expect(halves.count == 2 && rows.first == ["KNAME", "TYPE", "ROTA"] && rows.contains { $0.prefix(2) == ["sda", "disk"] },
                "lsblk (with the guest's SATA disk), BREAK, lsscsi: \(lsall)")
        let ohai = (try? JSONSerialization.jsonObject(with: Data((posts[2].tasks.first?["stdout"] as? String ?? "").utf8))) as? [String: Any]
        #expect(((ohai?["dmi"] as? [String: Any])?["system"] as? [String: Any])?["product_name"] as? String == "EW-100 Edge Gateway")
    }
}
