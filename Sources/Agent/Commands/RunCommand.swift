import ArgumentParser
import Facts
import Logging
import ServiceLifecycle
#if canImport(Glibc)
import Glibc
#endif

/// `mkagent run`: the Hanlon Microkernel agent, or with `--rackhd` RackHD's task runner.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Report this node to a Hanlon server (the Microkernel agent), or with --rackhd run a RackHD server's tasks.",
        discussion: """
            Hanlon settings, highest precedence first: flags, MKAGENT_MK_* environment variables (MKAGENT_MK_URI, \
            MKAGENT_MK_CHECKIN_INTERVAL, ...), the server's client_config, --mk-conf (mk_conf.yaml), the kernel \
            command line (hanlon.ip=, hanlon.server=, hanlon.port=, hanlon.base_uri=), defaults. \
            RackHD (--rackhd or MKAGENT_PROTOCOL=rackhd): the server from --server, SERVER and PORT, or API_CB=host:port \
            on the kernel command line; the node from --node-id, or the MAC (--mac, MAC, BOOTIF=, the first physical NIC) \
            looked up through bootstrap.js. Tasks run in order through /bin/sh -c, or natively for the server's catalog \
            commands (--native-catalogs); finished batches are spooled until the server takes them. \
            Exit codes: 0 stopped by SIGTERM/SIGINT, 1 cannot run (no server configured, unreadable \
            mk_conf.yaml, unwritable spool), 64 usage error; with --rackhd and --on-exit exit, the `exit` code the \
            server's last batch carries (1 reboot, 2 power cycle, 127 stay up, for the wrapper script).
            """)

    @OptionGroup var roots: RootOptions
    @OptionGroup(title: "RackHD") var rackhd: RackHDOptions

    @Option(name: .customLong("mk-conf"), help: ArgumentHelp("The Microkernel configuration file.", valueName: "PATH"))
    var mkConf = "/tmp/mk_conf.yaml"

    @Option(name: .customLong("server"), help: ArgumentHelp("The server's base URL: Hanlon's mk_uri (http://hanlon:8026), or the RackHD server (http://10.1.1.1:9080 or host:port).", valueName: "URL"))
    var server: String?

    @Option(name: .customLong("checkin-interval"), help: ArgumentHelp("Seconds between checkins (mk_checkin_interval).", valueName: "SECONDS"))
    var checkinInterval: Double?

    @Option(name: .customLong("checkin-skew"), help: ArgumentHelp("Maximum random delay before the first checkin (mk_checkin_skew).", valueName: "SECONDS"))
    var checkinSkew: Double?

    @Option(name: .customLong("log-level"), help: ArgumentHelp("trace, debug, info, notice, warning, error or critical; overrides mk_log_level.", valueName: "LEVEL"))
    var logLevel: String?

    @Option(name: .customLong("spool-dir"), help: ArgumentHelp("Where undelivered registrations and task results are kept (default: $STATE_DIRECTORY, else /var/lib/mkagent, else /run/mkagent).", valueName: "DIR"))
    var spoolDir: String?

    @Option(name: .customLong("ca-file"), help: ArgumentHelp("Trust only the CA certificates in this PEM file for https:// servers.", valueName: "FILE"))
    var caFile: String?

    @Option(name: .customLong("request-timeout"), help: ArgumentHelp("Deadline of every HTTP call, seconds.", valueName: "SECONDS"))
    var requestTimeout: Double = 10

    @Option(name: .customLong("retry-min"), help: ArgumentHelp("First retry delay after a failed exchange, seconds (doubles up to --retry-max, with jitter).", valueName: "SECONDS"))
    var retryMinimum: Double = 1

    @Option(name: .customLong("retry-max"), help: ArgumentHelp("Longest retry delay, seconds.", valueName: "SECONDS"))
    var retryMaximum: Double = 60

    @Option(name: .customLong("action"), help: ArgumentHelp("How reboot/poweroff are carried out: auto (the host's FIFO \(NodeAction.hostChannel) when it exists, else system), fifo:PATH, command:PROGRAM (run PROGRAM reboot|poweroff), system, none.", valueName: "ACTION"))
    var action = "auto"

    @Flag(name: .customLong("dry-run-actions"), help: "Log reboot/poweroff instead of acting.")
    var dryRunActions = false

    @Option(name: .customLong("collect-timeout"), help: ArgumentHelp("Seconds to wait for each collector.", valueName: "SECONDS"))
    var collectTimeout: Double = 10

    func validate() throws {
        if NodeAction.parse(action, exists: { _ in false }) == nil {
            throw ValidationError("--action must be auto, system, none, fifo:PATH or command:PROGRAM")
        }
        if let logLevel, Logger.Level(rawValue: logLevel) == nil { throw ValidationError("unknown --log-level '\(logLevel)'") }
        for (name, value) in [("--request-timeout", requestTimeout), ("--retry-min", retryMinimum), ("--retry-max", retryMaximum), ("--collect-timeout", collectTimeout)] where !(value > 0) {
            throw ValidationError("\(name) must be positive")
        }
    }

    func run() async throws {
        let startedAt = ContinuousClock.now
        let environment = ProcessEnvironment.current
        if rackhd.enabled || environment["MKAGENT_PROTOCOL"] == "rackhd" {
            try await runRackHD(environment: environment)
            return
        }
        let resolution = roots.resolve(environment: environment)
        let context = CollectionContext(files: HostFiles(root: resolution.root))
        let collectTimeout = self.collectTimeout
        let collect: @Sendable () -> Facts = {
            FactsGathering.collect(resolution: resolution, collectors: CollectorRunner.defaults, context: context, timeout: collectTimeout)
        }

        var sources = HanlonSettings.Sources()
        sources.environment = HanlonSettings.Sources.fromEnvironment(environment)
        if let server { sources.flags["mk_uri"] = server }
        if let checkinInterval { sources.flags["mk_checkin_interval"] = "\(checkinInterval)" }
        if let checkinSkew { sources.flags["mk_checkin_skew"] = "\(checkinSkew)" }
        if let text = AgentFiles.read(mkConf) {
            do {
                sources.file = try MkConfFile(parsing: text).values
            } catch {
                printError("mkagent: \(mkConf): \(error)")
                throw ExitCode.failure
            }
        } else if access(mkConf, F_OK) == 0 {
            printError("mkagent: cannot read \(mkConf): \(String(cString: strerror(errno)))")
            throw ExitCode.failure
        }
        let cmdline = (try? HostFiles(root: resolution.root).text(.proc, "cmdline")).map { KernelCommandLine(parsing: $0) }
        sources.commandLine = HanlonSettings.Sources.fromKernelCommandLine { cmdline?.value(of: $0) }
        let settings: HanlonSettings
        do {
            settings = try HanlonSettings(sources.merged)
        } catch {
            printError("mkagent: \(error)")
            throw ExitCode.failure
        }

        let spool: DeliverySpool
        do {
            spool = try DeliverySpool(directory: spoolDir ?? Self.defaultSpoolDirectory(environment))
        } catch {
            printError("mkagent: \(error)")
            throw ExitCode.failure
        }

        let journal = AgentLogHandler.stderrIsJournal(environment)
        let level = logLevel.flatMap(Logger.Level.init(rawValue:))
        let logger = Logger(label: "mkagent") { _ in
            AgentLogHandler(logLevel: level ?? AgentLogHandler.level(settings.logLevel), journal: journal)
        }
        let nodeAction = dryRunActions ? .dryRun : NodeAction.parse(action, exists: { access($0, F_OK) == 0 })!
        let client = HanlonClient(caFile: caFile, requestTimeout: requestTimeout)
        let agent = HanlonAgent(
            options: .init(sources: sources, logLevelOverride: level, journal: journal,
                           retryMinimum: retryMinimum, retryMaximum: retryMaximum, action: nodeAction),
            client: client, spool: spool, notifier: SystemdNotifier(environment: environment),
            started: startedAt, collect: collect)

        try await Self.serve(agent, logger: logger, shutdown: client.shutdown)
    }

    /// Runs `service` (with the child reaper when this is PID 1) until it ends or SIGTERM/SIGINT, then
    /// `shutdown`; a failure is printed and exits with status 1.
    static func serve(_ service: any Service, logger: Logger, shutdown: () async -> Void) async throws {
        var services: [any Service] = [service]
        if getpid() == 1 { services.append(ChildReaper()) }
        let group = ServiceGroup(configuration: .init(
            services: services.map { .init(service: $0, successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .gracefullyShutdownGroup) },
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        do {
            try await group.run()
        } catch {
            await shutdown()
            printError("mkagent: \(error)")
            throw ExitCode.failure
        }
        await shutdown()
    }

    static func defaultSpoolDirectory(_ environment: [String: String]) -> String {
        if let state = environment["STATE_DIRECTORY"]?.split(separator: ":").first { return String(state) }
        for candidate in ["/var/lib/mkagent", "/run/mkagent"] {
            if (try? AgentFiles.makeDirectories(candidate, purpose: "spool directory")) != nil { return candidate }
        }
        return "/tmp/mkagent"
    }
}
