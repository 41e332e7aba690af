import Foundation
import Testing

/// `mkagent ohai` as RackHD's catalog task runs it (`ohai --directory /etc/ohai/plugins`), on this host, with
/// the installed ohai as the oracle for the attributes of ohai 6.14's core plugins.
@Suite struct OhaiCommandTests {
    static let ohai: String? = ["/usr/bin/ohai", "/usr/local/bin/ohai"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static func mkagentDocument() throws -> [String: Any] {
        let result = try MkAgentProcess.run(["ohai", "--directory", "/etc/ohai/plugins"])
        #expect(result.status == 0)
        return try FactsCommandTests.json(result.stdout)
    }

    @Test func output_isOneJSONObject_withTheSectionsRackHDReads() throws {
        let document = try Self.mkagentDocument()
        for key in ["kernel", "os", "hostname", "fqdn", "network", "platform", "cpu", "memory"] {
            #expect(document[key] != nil, "\(key)")
        }
        let cpu = try #require(document["cpu"] as? [String: Any])
        let total = try #require(cpu["total"] as? Int)
        #expect(total == ProcessInfo.processInfo.activeProcessorCount)
        #expect((cpu["0"] as? [String: Any])?["vendor_id"] is String)
        #expect(cpu["real"] is Int)
        let kernel = try #require(document["kernel"] as? [String: Any])
        var name = utsname()
        uname(&name)
        let machine = withUnsafeBytes(of: &name.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        #expect(kernel["machine"] as? String == machine)
        let memory = try #require(document["memory"] as? [String: Any])
        #expect((memory["total"] as? String)?.hasSuffix("kB") == true)
    }

    /// ohai's values for the same keys. Differences of the installed ohai from 6.14 that are allowed for:
    /// `platform_version` (it reads os-release; 6.14 read /etc/debian_version on Debian), IPv6 address
    /// `tags`, block device queue attributes and other keys 6.14 did not have (not compared). `mhz` is not
    /// compared: the two programs read /proc/cpuinfo at different moments.
    @Test func sameValues_asOhai_onThisHost() throws {
        guard let ohai = Self.ohai else {
            print("skipped: ohai is not installed (Debian package ohai)")
            return
        }
        LLDPPeer.hostInterfaces.lock()
        defer { LLDPPeer.hostInterfaces.unlock() }
        let mine = try Self.mkagentDocument()
        let theirs = try FactsCommandTests.json(try MkAgentProcess.execute([ohai]).stdout)
        var compared = 0
        func same(_ path: [String]) {
            compared += 1
            let a = value(mine, path), b = value(theirs, path)
            #expect(String(describing: a) == String(describing: b), "\(path.joined(separator: "."))")
        }
        for key in ["os", "os_version", "hostname", "fqdn", "domain", "platform", "platform_family", "ipaddress", "macaddress"] {
            same([key])
        }
        for key in ["name", "release", "version", "machine", "os"] { same(["kernel", key]) }
        for key in ["total", "swap.total"] { same(["memory"] + key.split(separator: ".").map(String.init)) }
        if let debian = try? String(contentsOfFile: "/etc/debian_version", encoding: .utf8), mine["platform"] as? String == "debian" {
            compared += 1
            #expect(mine["platform_version"] as? String == debian.trimmingCharacters(in: .whitespacesAndNewlines))
        } else {
            same(["platform_version"])
        }
        for key in ["default_interface", "default_gateway", "default_inet6_interface", "default_inet6_gateway"] { same(["network", key]) }
        let myInterfaces = value(mine, ["network", "interfaces"]) as? [String: Any] ?? [:]
        let theirInterfaces = value(theirs, ["network", "interfaces"]) as? [String: Any] ?? [:]
        #expect(Set(myInterfaces.keys) == Set(theirInterfaces.keys))
        #expect(!myInterfaces.isEmpty)
        for name in myInterfaces.keys {
            for key in ["type", "number", "mtu", "flags", "encapsulation", "state"] { same(["network", "interfaces", name, key]) }
            let addresses = value(mine, ["network", "interfaces", name, "addresses"]) as? [String: Any] ?? [:]
            let theirAddresses = value(theirs, ["network", "interfaces", name, "addresses"]) as? [String: Any] ?? [:]
            #expect(Set(addresses.keys) == Set(theirAddresses.keys), "\(name) addresses")
            for address in addresses.keys {
                for key in ["family", "prefixlen", "netmask", "broadcast", "peer", "scope"] {
                    same(["network", "interfaces", name, "addresses", address, key])
                }
            }
        }
        let blocks = value(mine, ["block_device"]) as? [String: Any] ?? [:]
        #expect(Set(blocks.keys) == Set((value(theirs, ["block_device"]) as? [String: Any] ?? [:]).keys))
        for name in blocks.keys {
            for key in ["size", "removable", "model", "rev", "state", "timeout", "vendor"] { same(["block_device", name, key]) }
        }
        same(["cpu", "total"])
        same(["cpu", "real"])
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let total = value(mine, ["cpu", "total"]) as? Int ?? 0
        for index in 0..<total {
            var keys = ["vendor_id", "family", "model", "model_name", "stepping", "physical_id", "core_id", "cores", "cache_size"]
            // ohai takes a `vmx flags` line for the flags; mkagent does not (see OhaiCPU).
            if !cpuinfo.contains("vmx flags") { keys.append("flags") }
            for key in keys { same(["cpu", String(index), key]) }
        }
        print("mkagent ohai vs ohai on this host: \(compared) keys compared")
    }

    func value(_ object: Any?, _ path: [String]) -> Any? {
        var current = object
        for key in path { current = (current as? [String: Any])?[key] }
        return current
    }
}
