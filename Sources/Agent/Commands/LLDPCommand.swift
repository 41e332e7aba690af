import ArgumentParser
import Facts
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `mkagent lldp`: listen for LLDP (and CDP) neighbours and print them.
struct LLDPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lldp",
        abstract: "Listen for LLDP and CDP neighbours on every up interface and print them.",
        discussion: """
            Listens until every up, non-loopback Ethernet interface has heard a neighbour or --lldp-timeout \
            passes, then prints the neighbours: as mkagent's `lldp` facts section (default), in the layout of \
            `lldpcli show neighbors -f keyvalue` (what RackHD's lldp catalog parses), or of `lldpcli -f json`. \
            Needs CAP_NET_RAW; without it, or without an interface to listen on, a diagnostic says so on \
            standard error and the section is empty (exit code 0).
            """)

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case facts, keyvalue, json
    }

    @OptionGroup var roots: RootOptions

    @Option(name: [.customShort("f"), .customLong("format")], help: "facts (mkagent's JSON), keyvalue or json (lldpcli's layouts).")
    var format: Format = .facts

    @Option(name: .customLong("lldp-timeout"), help: ArgumentHelp(
        "Listen at most this long (the usual transmit interval is 30 s).", valueName: "SECONDS"))
    var timeout: Double = LLDPListenOptions.defaultTimeoutSeconds

    @Flag(name: .customLong("lldp-ifup"), help: "Bring interfaces that are down up for the window, and down again after (needs CAP_NET_ADMIN).")
    var bringUp = false

    @Option(name: .customLong("interface"), parsing: .singleValue, help: ArgumentHelp(
        "Listen only on this interface (repeatable).", valueName: "NAME"))
    var interfaces: [String] = []

    @Flag(name: .customLong("details"), help: "With keyvalue or json: the `show neighbors details` level (VLANs, MAC/PHY, MED...).")
    var details = false

    @Option(name: .customLong("pcap"), help: ArgumentHelp(
        "Decode the LLDP and CDP frames of a classic pcap capture instead of listening.", valueName: "FILE"))
    var pcap: String?

    func validate() throws {
        guard timeout >= 0 else { throw ValidationError("--lldp-timeout must not be negative") }
    }

    func run() throws {
        let (section, diagnostics): (LLDPFacts, [Diagnostic])
        if let pcap {
            (section, diagnostics) = try Self.decode(pcap: pcap, interface: interfaces.first ?? "pcap")
        } else {
            let options = LLDPListenOptions(timeoutSeconds: timeout, bringUpInterfaces: bringUp, interfaces: interfaces.isEmpty ? nil : interfaces)
            (section, diagnostics) = LLDPListener(options: options).listen(HostFiles(root: roots.resolve().root))
        }
        for diagnostic in diagnostics { printError("mkagent: \(diagnostic)") }
        switch format {
        case .facts:
            let json = try FactsEmitter.encoder.encode(section)
            writeStandardOutput(Array(json) + [0x0A])
        case .keyvalue, .json:
            let now = Date()
            let display = LLDPCLIDisplay(details: details) { neighbor in
                guard let seen = neighbor.seenAt, let date = try? Date(seen, strategy: .iso8601) else { return 0 }
                return max(0, Int(now.timeIntervalSince(date)))
            }
            let events = display.events(section)
            let text = format == .keyvalue ? LLDPCLIKeyValueWriter.render(events) : LLDPCLIJSONWriter.render(events)
            writeStandardOutput(Array(text.utf8))
        }
    }

    /// The neighbours of a capture file, as if heard on `interface`; a file that is not a pcap exits 1.
    static func decode(pcap path: String, interface: String) throws -> (LLDPFacts, [Diagnostic]) {
        let file: PcapFile
        do {
            file = try PcapFile(try HostFiles.readFile(path))
        } catch {
            printError("mkagent: cannot read \(path): \(error)")
            throw ExitCode.failure
        }
        var table = LLDPNeighborTable()
        var diagnostics: [Diagnostic] = []
        if let problem = file.problem { diagnostics.append(Diagnostic(collector: "lldp", path: path, error: problem)) }
        for record in file.records {
            let seen = RFC3339.format(seconds: Int64(record.seconds), nanoseconds: Int64(record.nanoseconds))
            if var problem = table.add(frame: record.data, interface: interface, seenAt: seen) {
                problem.path = path
                diagnostics.append(problem)
            }
        }
        var interfaces = table.interfaces
        if interfaces.isEmpty { interfaces[interface] = [] }
        return (LLDPFacts(interfaces: interfaces, listened: [interface]), diagnostics)
    }
}
