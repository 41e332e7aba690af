import ArgumentParser
import Facts
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `mkagent facts`: collect once and print.
struct FactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract: "Collect the node's facts once and print them.",
        discussion: """
            Problems met on the way (a missing table, a file without permission) are listed under \
            "diagnostics" and on standard error; the facts that could be collected are still printed and \
            the exit code is 0. Exit code 1: the facts could not be written (--output) or a --dmi-dump \
            file could not be read at all.
            """)

    @OptionGroup var roots: RootOptions
    @OptionGroup var names: NameOptions

    @Option(name: [.customShort("f"), .customLong("format")], help: "Output format: json, yaml or flat.")
    var format: OutputFormat = .json

    @Option(name: .customLong("only"), help: ArgumentHelp(
        "Run only these collectors (comma-separated): \(CollectorRunner.all.map(\.name).joined(separator: ", ")). Without it, all but \(CollectorRunner.all.filter { !$0.runsByDefault }.map(\.name).joined(separator: ", ")) run.",
        valueName: "NAMES"))
    var only: String?

    @Option(name: .customLong("lldp-timeout"), help: ArgumentHelp(
        "Also listen for LLDP/CDP neighbours, at most this long (default with --only lldp: 35); 0 skips LLDP.",
        valueName: "SECONDS"))
    var lldpTimeout: Double?

    @Flag(name: .customLong("lldp-ifup"), help: "Bring down interfaces up for the LLDP window, and down again after.")
    var lldpBringUp = false

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp(
        "Write the facts to FILE (atomically) instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(name: .customLong("dmi-dump"), help: ArgumentHelp(
        "Decode a file written by `dmidecode --dump-bin` instead of the host's SMBIOS table.", valueName: "FILE"))
    var dmiDump: String?

    @Option(name: .customLong("timeout"), help: ArgumentHelp(
        "Seconds to wait for each collector before leaving its facts out.", valueName: "SECONDS"))
    var timeout: Double = 30

    func validate() throws {
        _ = try selectedCollectors()
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        if let lldpTimeout, lldpTimeout < 0 { throw ValidationError("--lldp-timeout must not be negative") }
    }

    func run() throws {
        let resolution = roots.resolve()
        let facts = FactsGathering.collect(
            resolution: resolution, collectors: try selectedCollectors(),
            context: CollectionContext(
                files: HostFiles(root: resolution.root), dmiDumpFile: dmiDump,
                lldp: LLDPListenOptions(timeoutSeconds: lldpTimeout ?? LLDPListenOptions.defaultTimeoutSeconds, bringUpInterfaces: lldpBringUp),
                names: names.options),
            timeout: timeout)
        for diagnostic in facts.diagnostics { printError("mkagent: \(diagnostic)") }
        let text = try FactsEmitter.render(facts, as: format)
        if let output {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                printError("mkagent: cannot write \(output): \(error)")
                throw ExitCode.failure
            }
        } else {
            print(text, terminator: "")
        }
        if dmiDump != nil && facts.dmi == nil { throw ExitCode.failure }
    }

    /// Without --only: the default collectors, plus lldp when --lldp-timeout is positive. With --only: those
    /// named (lldp with --lldp-timeout 0 is a contradiction and a usage error).
    func selectedCollectors() throws -> [any FactCollector] {
        guard let only else {
            let lldp = (lldpTimeout ?? 0) > 0 ? CollectorRunner.all.filter { !$0.runsByDefault && $0.name == "lldp" } : []
            return CollectorRunner.defaults + lldp
        }
        let names = only.split(separator: ",").map { String($0.filter { $0 != " " }) }
        if names.contains("lldp") && lldpTimeout == 0 {
            throw ValidationError("--only lldp with --lldp-timeout 0: a zero timeout skips LLDP")
        }
        return try names.map { name in
            guard let collector = CollectorRunner.all.first(where: { $0.name == name }) else {
                throw ValidationError("unknown collector '\(name)' in --only: choose from \(CollectorRunner.all.map(\.name).joined(separator: ", "))")
            }
            return collector
        }
    }
}

/// One collection run with its metadata; shared by `facts` and, later, the reporters.
enum FactsGathering {
    static func collect(
        resolution: HostRootResolver.Resolution, collectors: [any FactCollector], context: CollectionContext,
        timeout: Double, clock: () -> Date = Date.init
    ) -> Facts {
        let started = clock()
        var facts = Facts(metadata: FactsMetadata(
            mkagentVersion: MkAgentVersion.current,
            collectedAt: started.formatted(Date.ISO8601FormatStyle()),
            roots: resolution.root,
            rootOrigins: resolution.origins.byName,
            collectors: collectors.map(\.name)))
        CollectorRunner(collectors: collectors, timeoutSeconds: timeout).run(context, into: &facts)
        facts.metadata.durationMs = Int((clock().timeIntervalSince(started) * 1000).rounded())
        return facts
    }
}
