#if canImport(Glibc)
import Glibc
#endif

/// One listening window: picks the interfaces, opens the raw socket, collects neighbours until every
/// interface has been heard from or the time is up, and reports every problem as a diagnostic.
public struct LLDPListener: Sendable {
    public var options: LLDPListenOptions
    /// Monotonic seconds, for the deadline.
    public var monotonicSeconds: @Sendable () -> Double
    /// Wall-clock time as RFC 3339, for `seen_at`.
    public var wallClock: @Sendable () -> String

    public init(
        options: LLDPListenOptions,
        monotonicSeconds: @escaping @Sendable () -> Double = LLDPListener.systemMonotonicSeconds,
        wallClock: @escaping @Sendable () -> String = LLDPListener.systemWallClock
    ) {
        self.options = options
        self.monotonicSeconds = monotonicSeconds
        self.wallClock = wallClock
    }

    public func listen(_ files: HostFiles) -> (LLDPFacts, [Diagnostic]) {
        let started = monotonicSeconds()
        var (all, diagnostics) = LLDPInterface.all(files)
        var candidates = all.filter { !$0.isLoopback && $0.isEthernet }
        if let wanted = options.interfaces {
            for name in wanted where !all.contains(where: { $0.name == name }) {
                diagnostics.append(Diagnostic(collector: "lldp", path: files.path(.sys, "class/net/\(name)"), error: "no interface \(name); not listened on", severity: .error))
            }
            candidates = candidates.filter { wanted.contains($0.name) }
        }
        var broughtUp: [LLDPInterface] = []
        var listened: [LLDPInterface] = []
        for interface in candidates {
            if interface.isUp {
                listened.append(interface)
            } else if options.bringUpInterfaces {
                do {
                    try Self.setUp(interface.name, true)
                    broughtUp.append(interface)
                    listened.append(interface)
                } catch {
                    diagnostics.append(Diagnostic(collector: "lldp", path: interface.name, error: "cannot bring \(interface.name) up (\(error)); not listened on", severity: .error))
                }
            } else {
                diagnostics.append(Diagnostic(collector: "lldp", path: interface.name, error: "\(interface.name) is down; not listened on (--lldp-ifup brings it up for the window)"))
            }
        }
        defer {
            for interface in broughtUp { try? Self.setUp(interface.name, false) }
        }
        var facts = LLDPFacts(
            listened: listened.map(\.name).sorted(), broughtUp: broughtUp.isEmpty ? nil : broughtUp.map(\.name))
        guard !listened.isEmpty else {
            let reason = candidates.isEmpty
                ? "no non-loopback Ethernet interfaces found under \(files.path(.sys, "class/net"))"
                : "every Ethernet interface is down (\(candidates.map(\.name).joined(separator: ", ")))"
            diagnostics.append(Diagnostic(collector: "lldp", path: files.path(.sys, "class/net"), error: "\(reason); no neighbours collected", severity: .error))
            facts.durationMs = Int(((monotonicSeconds() - started) * 1000).rounded())
            return (facts, diagnostics)
        }
        var table = LLDPNeighborTable()
        receive(on: listened, into: &table, diagnostics: &diagnostics, deadline: started + options.timeoutSeconds)
        var interfaces = table.interfaces
        for interface in listened where interfaces[interface.name] == nil { interfaces[interface.name] = [] }
        facts.interfaces = interfaces
        facts.durationMs = Int(((monotonicSeconds() - started) * 1000).rounded())
        return (facts, diagnostics)
    }

    private func receive(on interfaces: [LLDPInterface], into table: inout LLDPNeighborTable, diagnostics: inout [Diagnostic], deadline: Double) {
        #if canImport(Glibc)
        let names = Dictionary(interfaces.map { ($0.index, $0.name) }, uniquingKeysWith: { a, _ in a })
        let socket: DiscoverySocket
        do {
            socket = try DiscoverySocket(joining: interfaces.map(\.index))
        } catch {
            diagnostics.append(Diagnostic(collector: "lldp", error: "\(error); no neighbours collected", severity: .error))
            return
        }
        while true {
            let remaining = deadline - monotonicSeconds()
            if remaining <= 0 || interfaces.allSatisfy({ table.hasNeighbor(on: $0.name) }) { return }
            let received: DiscoverySocket.Received?
            do {
                received = try socket.receive(timeoutMs: Int32(min(remaining, 1) * 1000) + 1)
            } catch {
                diagnostics.append(Diagnostic(collector: "lldp", error: "\(error); stopped listening", severity: .error))
                return
            }
            // Frames on interfaces not listened on (loopback, a down interface) are not this window's.
            guard let received, let name = names[received.interfaceIndex] else { continue }
            if let problem = table.add(frame: received.frame, interface: name, seenAt: wallClock()) {
                diagnostics.append(problem)
            }
        }
        #else
        diagnostics.append(Diagnostic(collector: "lldp", error: "raw LLDP listening is implemented for Linux only", severity: .error))
        #endif
    }

    static func setUp(_ name: String, _ up: Bool) throws {
        #if canImport(Glibc)
        try InterfaceFlags.setUp(name, up)
        #endif
    }

    public static let systemMonotonicSeconds: @Sendable () -> Double = {
        #if canImport(Glibc)
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
        #else
        return 0
        #endif
    }

    public static let systemWallClock: @Sendable () -> String = {
        #if canImport(Glibc)
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return RFC3339.format(seconds: Int64(now.tv_sec))
        #else
        return RFC3339.format(seconds: 0)
        #endif
    }
}
