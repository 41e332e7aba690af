import Synchronization

/// Native answers begun before the server asks for them.
///
/// `lldpcli show neighbor` answers at once from lldpd, which has gathered neighbours since boot. mkagent
/// has no lldpd and listens for a window instead (switches send every 30 s), so the runner starts listening
/// when it starts and the task that asks gets the answer once what is left of the window has passed — in
/// RackHD's discovery graph the lldp task comes well after that. Each answer is given once, and only while
/// it is fresh (`maximumAge`, LLDP's default time to live): a later ask listens anew.
final class HeadStart: Sendable {
    /// An answer and when it was complete.
    struct Answer: Sendable {
        var outcome: ChildProcess.Outcome
        var finished: ContinuousClock.Instant
    }

    let maximumAge: Duration
    private let running = Mutex<[[String]: Task<Answer, Never>]>([:])

    init(maximumAge: Duration = .seconds(120)) {
        self.maximumAge = maximumAge
    }

    /// Starts the answer for the subcommand ARGUMENTS with RUN (which ends its process when cancelled).
    func start(_ arguments: [String], run: @escaping @Sendable () async -> ChildProcess.Outcome) {
        let task = Task { Answer(outcome: await run(), finished: .now) }
        running.withLock { $0[arguments] = task }
    }

    /// The answer begun for ARGUMENTS, waiting for it until DEADLINE (then its process is ended and the
    /// outcome says timeout); nil when none was begun, or when it is older than `maximumAge`. Cancelling the
    /// caller ends the answer's process.
    func take(_ arguments: [String], deadline: ContinuousClock.Instant?) async -> ChildProcess.Outcome? {
        guard let task = running.withLock({ $0.removeValue(forKey: arguments) }) else { return nil }
        let answer = await withTaskCancellationHandler {
            await Self.wait(for: task, until: deadline)
        } onCancel: {
            task.cancel()
        }
        guard answer.outcome.killed != nil || answer.finished.duration(to: .now) <= maximumAge else { return nil }
        return answer.outcome
    }

    /// Ends every answer not taken and waits for their processes (the runner is stopping).
    func stop() async {
        let tasks = running.withLock { running in
            defer { running.removeAll() }
            return Array(running.values)
        }
        for task in tasks { task.cancel() }
        for task in tasks { _ = await task.value }
    }

    private static func wait(for task: Task<Answer, Never>, until deadline: ContinuousClock.Instant?) async -> Answer {
        guard let deadline else { return await task.value }
        let inTime = await withTaskGroup(of: Answer?.self) { group in
            group.addTask { await task.value }
            group.addTask {
                try? await Task.sleep(until: deadline)
                return nil
            }
            let first = await group.next() ?? nil
            // Past the deadline: end the answer's process, or the group would wait for its window.
            if first == nil { task.cancel() }
            group.cancelAll()
            return first
        }
        if let inTime { return inTime }
        var late = await task.value
        late.outcome.killed = .timeout
        return late
    }
}
