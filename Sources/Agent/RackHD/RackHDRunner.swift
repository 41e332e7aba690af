import Logging
import ServiceLifecycle

/// The task-runner loop as a service: learn the node id, then poll for a batch, run its tasks in order,
/// spool the finished batch and POST it until the server takes it; stop after posting a batch that
/// carries `exit`. Finished batches are never lost: they wait on disk (across restarts) until a 2xx.
final class RackHDRunner: Service, @unchecked Sendable {
    struct Options: Sendable {
        var settings: RackHDSettings
        var pollInterval: Double
        var retryMinimum: Double
        var retryMaximum: Double
        /// What to do with the server's exit code when mkagent acts on it itself (`--on-exit act`, PID 1);
        /// nil: end the runner and leave the code to the wrapper.
        var exitAction: RackHDExit?
    }

    private let options: Options
    private let client: RackHDClient
    private let spool: DeliverySpool
    private let executor: TaskExecutor
    private let notifier: SystemdNotifier
    private let logger: Logger
    /// The `exit` of the last batch delivered: the code the runner ends with.
    private(set) var exitCode: Int32?

    init(options: Options, client: RackHDClient, spool: DeliverySpool, executor: TaskExecutor,
         notifier: SystemdNotifier, logger: Logger) {
        self.options = options
        self.client = client
        self.spool = spool
        self.executor = executor
        self.notifier = notifier
        self.logger = logger
    }

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { try await self.loop() }
        } catch is CancellationError {
            // SIGTERM/SIGINT: a running task was ended; finished batches are on disk.
        }
        await executor.headStart?.stop()
        notifier.stopping()
    }

    private func loop() async throws {
        var health = ServerHealth(retryMinimum: options.retryMinimum, retryMaximum: options.retryMaximum)
        for cmd in executor.beginEarlyAnswers() {
            logger.info("answering `\(cmd)` natively, begun now: the answer is ready when a task asks")
        }
        let nodeID = try await resolveNodeID(&health)
        notifier.ready(status: "node \(nodeID): polling \(client.server)")
        logger.info("node \(nodeID): polling \(client.server)\(client.tasksPath(nodeID)) every \(options.pollInterval) s; spool \(spool.directory)")

        while !Task.isCancelled {
            do {
                if let code = try await deliverPending(nodeID) {
                    exitCode = code
                    logger.notice("the server's last batch says exit \(code)")
                    // Inside the service, so SIGTERM still ends a PID 1 that waits for its reboot.
                    try await options.exitAction?.perform(code, logger: logger)
                    return
                }
                let next = try await client.tasks(nodeID: nodeID)
                health.succeeded(server: client.server, logger: logger)
                guard var batch = next else {
                    try await notifier.sleepPingingWatchdog(options.pollInterval)
                    continue
                }
                await runBatch(&batch)
                let item = try spool.enqueue(batch.body())
                logger.info("batch of \(batch.tasks.count) task(s) spooled as \(item.sequence)\(Task.isCancelled ? " (interrupted)" : "")")
            } catch let failure as AgentHTTPClient.Failure {
                let delay = health.failed(failure, logger: logger)
                notifier.status("\(failure); \(spool.pending.count) batch(es) waiting")
                try await notifier.sleepPingingWatchdog(delay)
            }
        }
    }

    /// `--node-id`, else the id bootstrap.js carries for the MAC; retried with backoff until the server
    /// knows the node.
    private func resolveNodeID(_ health: inout ServerHealth) async throws -> String {
        if let id = options.settings.nodeID { return id }
        let mac = options.settings.mac!
        while true {
            do {
                let id = try await client.nodeID(mac: mac)
                health.succeeded(server: client.server, logger: logger)
                return id
            } catch {
                let delay = health.failed(error, logger: logger)
                notifier.status("looking up the node for \(mac): \(error)")
                try await notifier.sleepPingingWatchdog(delay)
            }
        }
    }

    /// Runs the tasks in order and stops at the first one whose exit is not accepted (the rest are sent
    /// back as received). A SIGTERM mid-batch ends the running task, which is reported as killed; the batch
    /// is spooled like any other and delivered by the next run, so the tasks that finished are not lost and
    /// the server learns why the job did not complete.
    private func runBatch(_ batch: inout TaskBatch) async {
        let count = batch.tasks.count
        for (index, task) in batch.tasks.enumerated() {
            notifier.status("running task \(index + 1)/\(count)")
            let result = await executor.run(task, label: "task \(index + 1)/\(count)", logger: logger)
            batch.setTask(index, result.task)
            if !result.accepted || Task.isCancelled { break }
            notifier.watchdog()
        }
    }

    /// POSTs the spooled batches oldest first. Returns the `exit` of a delivered batch that has one.
    private func deliverPending(_ nodeID: String) async throws -> Int32? {
        for item in spool.pending {
            guard let body = spool.body(of: item) else { continue }
            try await client.post(nodeID: nodeID, body: body)
            try spool.acknowledge(item)
            logger.info("batch \(item.sequence) delivered")
            if let code = TaskBatch(json: body)?.exitCode { return code }
        }
        return nil
    }
}
