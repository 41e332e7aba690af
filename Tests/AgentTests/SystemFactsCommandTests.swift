import Foundation
import Testing

/// `mkagent facts --only memory,os,network` on this machine, compared with the kernel's own files read here.
@Suite struct SystemFactsCommandTests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func liveHost_memoryTotalHostnameAndInterfaces_areTheKernels() throws {
        // Other work on this machine may add or remove interfaces meanwhile: list them before and after.
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: "/sys/class/net"))
        let result = try MkAgentProcess.run(["facts", "--only", "memory,os,network"])
        let after = Set(try FileManager.default.contentsOfDirectory(atPath: "/sys/class/net"))
        #expect(result.status == 0)
        let facts = try Self.json(result.stdout)
        let roots = try #require((facts["metadata"] as? [String: Any])?["roots"] as? [String: String])
        let proc = try #require(roots["proc"]), sys = try #require(roots["sys"])
        try #require(proc == "/proc" && sys == "/sys", "this test reads the machine's own /proc and /sys")

        let meminfo = try String(contentsOfFile: "/proc/meminfo", encoding: .utf8)
        let totalLine = try #require(meminfo.components(separatedBy: "\n").first { $0.hasPrefix("MemTotal:") })
        let kilobytes = try #require(Int(totalLine.split(separator: " ")[1]))
        let memory = try #require(facts["memory"] as? [String: Any])
        #expect(memory["total_bytes"] as? Int == kilobytes * 1024)

        let os = try #require(facts["os"] as? [String: Any])
        #expect(os["hostname"] as? String == (try Self.read("/proc/sys/kernel/hostname")))
        #expect((os["kernel"] as? [String: Any])?["release"] as? String == (try Self.read("/proc/sys/kernel/osrelease")))
        #expect((os["cmdline"] as? [String: Any])?["raw"] as? String == (try Self.read("/proc/cmdline")))

        let network = try #require(facts["network"] as? [String: Any])
        let interfaces = try #require(network["interfaces"] as? [[String: Any]])
        let names = Set(interfaces.compactMap { $0["name"] as? String })
        #expect(before.intersection(after).isSubset(of: names))
        #expect(names.isSubset(of: before.union(after)))
        #expect(network["addresses_source"] as? String == "netlink")
        for interface in interfaces {
            guard let name = interface["name"] as? String, before.contains(name), after.contains(name) else { continue }
            if let mac = try? Self.read("/sys/class/net/\(name)/address"), !mac.isEmpty {
                #expect(interface["mac_address"] as? String == mac)
            }
            #expect(interface["index"] as? Int == Int(try Self.read("/sys/class/net/\(name)/ifindex")))
            #expect(interface["addresses"] is [Any])
        }
        let lo = try #require(interfaces.first { $0["name"] as? String == "lo" })
        let loAddresses = (lo["addresses"] as? [[String: Any]] ?? []).compactMap { $0["address"] as? String }
        #expect(loAddresses.contains("127.0.0.1"))
    }

    @Test func unreadableFiles_areNamedDiagnostics_andTheRestIsPrinted() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mkagent-unreadable-\(UUID().uuidString)").path
        defer {
            chmod(root + "/proc/meminfo", 0o644)
            chmod(root + "/sys/class/net/eth0/mtu", 0o644)
            try? FileManager.default.removeItem(atPath: root)
        }
        let files = [
            "proc/meminfo": "MemTotal: 1024 kB\n",
            "sys/devices/system/memory/block_size_bytes": "8000000\n",
            "sys/devices/system/memory/memory0/state": "online\n",
            "sys/class/net/eth0/address": "52:54:00:12:34:56\n",
            "sys/class/net/eth0/mtu": "1500\n",
            "sys/class/net/eth0/ifindex": "2\n",
        ]
        for (path, text) in files {
            let full = root + "/" + path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o755])
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
        chmod(root, 0o755)
        chmod(root + "/proc/meminfo", 0o000)
        chmod(root + "/sys/class/net/eth0/mtu", 0o000)
        // Root reads through any mode bits, so as root the check runs as the unprivileged user `nobody`.
        let wrapper = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        let result = try MkAgentProcess.run(["facts", "--only", "memory,network", "--root", root], wrapper: wrapper)
        #expect(result.status == 0)
        let facts = try Self.json(result.stdout)
        let diagnostics = try #require(facts["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.contains {
            $0["collector"] as? String == "memory" && $0["path"] as? String == root + "/proc/meminfo"
                && $0["error"] as? String == "permission denied; the memory totals are left out"
                && $0["severity"] as? String == "error"
        })
        #expect(diagnostics.contains {
            $0["collector"] as? String == "network" && $0["path"] as? String == root + "/sys/class/net/eth0/mtu"
                && $0["error"] as? String == "permission denied; left out"
        })
        let memory = try #require(facts["memory"] as? [String: Any])
        #expect(memory["total_bytes"] == nil)
        #expect(memory["online_blocks"] as? Int == 1)
        let eth0 = try #require(((facts["network"] as? [String: Any])?["interfaces"] as? [[String: Any]])?.first)
        #expect(eth0["mac_address"] as? String == "52:54:00:12:34:56")
        #expect(eth0["mtu"] == nil)
        #expect(result.stderr.contains("permission denied"))
    }
}
