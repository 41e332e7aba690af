import ArgumentParser
import Facts
import Logging
#if canImport(Glibc)
import Glibc
#endif

extension RunCommand {
    /// `mkagent run --rackhd`: settings, spool and work directory, then the runner until the server's last
    /// batch says exit (or SIGTERM).
    func runRackHD(environment: [String: String]) async throws {
        let resolution = roots.resolve(environment: environment)
        let files = HostFiles(root: resolution.root)
        var inputs = RackHDSettings.Inputs(
            serverFlag: server, macFlag: rackhd.mac, nodeIDFlag: rackhd.nodeID, environment: environment,
            commandLine: (try? files.text(.proc, "cmdline")).map { KernelCommandLine(parsing: $0) })
        inputs.fallbackMAC = {
            let facts = FactsGathering.collect(resolution: resolution, collectors: CollectorRunner.all.filter { $0.name == "network" },
                                               context: CollectionContext(files: files), timeout: collectTimeout)
            return NodeIdentity.physicalEthernet(facts.network?.interfaces ?? []).compactMap(NodeIdentity.hardwareAddress).first
        }
        let settings: RackHDSettings
        let spool: DeliverySpool
        let workDirectory: String
        do {
            settings = try RackHDSettings(inputs)
            let spoolRoot = spoolDir ?? Self.defaultSpoolDirectory(environment)
            spool = try DeliverySpool(directory: spoolRoot + "/rackhd")
            workDirectory = rackhd.workDirectory ?? spoolRoot + "/work"
            try AgentFiles.makeDirectories(workDirectory, purpose: "work directory")
        } catch {
            printError("mkagent: \(error)")
            throw ExitCode.failure
        }

        let journal = AgentLogHandler.stderrIsJournal(environment)
        let level = logLevel.flatMap(Logger.Level.init(rawValue:)) ?? .info
        let logger = Logger(label: "mkagent") { _ in AgentLogHandler(logLevel: level, journal: journal) }
        let http = AgentHTTPClient(caFile: caFile, requestTimeout: requestTimeout)
        let client = RackHDClient(server: settings.server, http: http)
        let executor = TaskExecutor(
            catalogs: NativeCatalogs(policy: NativeCatalogs.Policy(rawValue: rackhd.nativeCatalogs)!, lldpWindowSeconds: rackhd.lldpWindow),
            selfExecutable: ExecutableSearch.currentExecutable(),
            nativeEnvironment: Self.rootEnvironment(resolution.root),
            workDirectory: workDirectory,
            installed: { ExecutableSearch.isInstalled($0, path: environment["PATH"]) },
            download: { url async throws(AgentHTTPClient.Failure) in try await client.download(url) },
            headStart: HeadStart())
        let act = rackhd.onExit == "act" || (rackhd.onExit == "auto" && getpid() == 1)
        let nodeAction = dryRunActions ? .dryRun : NodeAction.parse(action, exists: { access($0, F_OK) == 0 })!
        let runner = RackHDRunner(
            options: .init(settings: settings, pollInterval: rackhd.pollInterval, retryMinimum: retryMinimum, retryMaximum: retryMaximum,
                           exitAction: act ? RackHDExit(action: nodeAction, files: files) : nil),
            client: client, spool: spool, executor: executor, notifier: SystemdNotifier(environment: environment), logger: logger)

        try await Self.serve(runner, logger: logger, shutdown: http.shutdown)
        // Acted on already, or left to the wrapper script as the exit status.
        if let code = runner.exitCode, !act { throw ExitCode(code) }
    }

    /// The resolved roots as MKAGENT_*_ROOT variables: native answers run as child processes and must
    /// read the same trees.
    static func rootEnvironment(_ root: HostRoot) -> [String: String] {
        [
            "MKAGENT_PROC_ROOT": root.proc, "MKAGENT_SYS_ROOT": root.sys, "MKAGENT_DEV_ROOT": root.dev,
            "MKAGENT_ETC_ROOT": root.etc, "MKAGENT_RUN_ROOT": root.run,
        ]
    }
}
