import Foundation
import Testing

/// `mkagent facts --only network` inside a network namespace built for the test (a veth end with
/// documentation addresses, a set MTU and default routes), compared with what `ip -j` reports there.
@Suite struct NetworkNamespaceTests {
    static let ip = ExternalCommand.find("ip")

    @Test(
        .enabled(if: ip != nil, "iproute2's ip is not installed"),
        .enabled(if: geteuid() == 0, "network namespaces need root (CAP_NET_ADMIN and CAP_SYS_ADMIN)"))
    func interfacesAddressesAndDefaultRoutes_matchIP() throws {
        let ip = try #require(Self.ip)
        let pid = getpid()
        let namespace = "mkagent-test-\(pid)"
        let hostEnd = "mkv\(pid)h", inside = "mkv\(pid)n"
        func host(_ arguments: String...) throws { try ExternalCommand.run([ip] + arguments) }
        func there(_ arguments: String...) throws -> String { try ExternalCommand.run([ip, "netns", "exec", namespace, ip] + arguments) }
        defer {
            // Deleting the namespace destroys the inner end and with it the pair; the host end is removed
            // by hand in case the move never happened.
            _ = try? ExternalCommand.run([ip, "netns", "delete", namespace], check: false)
            _ = try? ExternalCommand.run([ip, "link", "delete", hostEnd], check: false)
        }
        try host("netns", "add", namespace)
        try host("link", "add", hostEnd, "type", "veth", "peer", "name", inside)
        try host("link", "set", inside, "netns", namespace)
        try host("link", "set", hostEnd, "up")
        // No automatic link-local address: what ip reports then stays put while mkagent runs.
        _ = try there("link", "set", inside, "addrgenmode", "none")
        _ = try there("link", "set", inside, "mtu", "1400")
        _ = try there("link", "set", "lo", "up")
        _ = try there("link", "set", inside, "up")
        _ = try there("address", "add", "192.0.2.10/24", "dev", inside)
        _ = try there("address", "add", "192.0.2.77/25", "dev", inside)
        _ = try there("address", "add", "2001:db8:0:1::10/64", "dev", inside, "nodad")
        _ = try there("route", "add", "default", "via", "192.0.2.1")
        _ = try there("-6", "route", "add", "default", "via", "2001:db8:0:1::1", "metric", "300")

        let result = try MkAgentProcess.run(["facts", "--only", "network"], wrapper: [ip, "netns", "exec", namespace])
        #expect(result.status == 0, "\(result.stderr)")
        let facts = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let network = try #require(facts["network"] as? [String: Any])
        #expect(network["addresses_source"] as? String == "netlink")
        let interfaces = try #require(network["interfaces"] as? [[String: Any]])

        let links = try #require(JSONSerialization.jsonObject(with: Data(try there("-j", "address", "show").utf8)) as? [[String: Any]])
        #expect(Set(interfaces.compactMap { $0["name"] as? String }) == Set(links.compactMap { $0["ifname"] as? String }))
        #expect(Set(links.compactMap { $0["ifname"] as? String }) == ["lo", inside])
        for link in links {
            let name = try #require(link["ifname"] as? String)
            let mine = try #require(interfaces.first { $0["name"] as? String == name })
            #expect(mine["index"] as? Int == link["ifindex"] as? Int, "\(name)")
            #expect(mine["mtu"] as? Int == link["mtu"] as? Int, "\(name)")
            #expect(mine["mac_address"] as? String == link["address"] as? String, "\(name)")
            let theirs = (link["addr_info"] as? [[String: Any]] ?? []).map {
                "\($0["family"]!) \($0["local"]!)/\($0["prefixlen"]!) \($0["scope"]!) \($0["broadcast"] ?? "-")"
            }
            let ours = (mine["addresses"] as? [[String: Any]] ?? []).map {
                "\($0["family"]!) \($0["address"]!)/\($0["prefix_length"]!) \($0["scope"]!) \($0["broadcast"] ?? "-")"
            }
            #expect(Set(ours) == Set(theirs), "\(name)")
        }
        let veth = try #require(interfaces.first { $0["name"] as? String == inside })
        #expect(veth["mtu"] as? Int == 1400)
        #expect(Set((veth["addresses"] as? [[String: Any]] ?? []).compactMap { $0["address"] as? String })
            == ["192.0.2.10", "192.0.2.77", "2001:db8:0:1::10"])

        var expectedRoutes: [String] = []
        for (family, arguments) in [("inet", ["-j", "route", "show", "default"]), ("inet6", ["-j", "-6", "route", "show", "default"])] {
            let output = try ExternalCommand.run([ip, "netns", "exec", namespace, ip] + arguments)
            let routes = try #require(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
            expectedRoutes += routes.map { "\(family) \($0["gateway"] ?? "-") \($0["dev"] ?? "-") \($0["metric"] ?? "-")" }
        }
        let defaults = try #require(network["default_routes"] as? [[String: Any]])
        let reported = defaults.map { "\($0["family"]!) \($0["gateway"] ?? "-") \($0["interface"] ?? "-") \($0["metric"] ?? "-")" }
        #expect(Set(reported) == Set(expectedRoutes))
        #expect(Set(reported) == ["inet 192.0.2.1 \(inside) -", "inet6 2001:db8:0:1::1 \(inside) 300"])
    }
}
