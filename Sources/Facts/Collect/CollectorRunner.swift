import Dispatch

/// Runs collectors concurrently, each on its own thread, and waits for each at most `timeout`.
///
/// Collectors block in file reads that cannot be cancelled (a hung sysfs attribute, a slow device), so a
/// collector that overruns is abandoned: its section is left out, a diagnostic names it, and the other
/// collectors' facts are returned on time.
public struct CollectorRunner: Sendable {
    public var collectors: [any FactCollector]
    public var timeoutSeconds: Double

    public init(collectors: [any FactCollector], timeoutSeconds: Double = 30) {
        self.collectors = collectors
        self.timeoutSeconds = timeoutSeconds
    }

    /// All collectors by name, in the order they appear in the facts.
    public static let all: [any FactCollector] = [
        DMICollector(), PCICollector(), StorageCollector(), USBCollector(), HardwareCollector(),
    ]

    /// The collectors `mkagent facts` runs when no `--only` names them.
    public static var defaults: [any FactCollector] { all.filter(\.runsByDefault) }

    public func run(_ context: CollectionContext, into facts: inout Facts) {
        let slots = collectors.map { _ in ResultSlot() }
        let group = DispatchGroup()
        for (collector, slot) in zip(collectors, slots) {
            group.enter()
            DispatchQueue.global().async {
                slot.store(collector.collect(context))
                group.leave()
            }
        }
        let deadline = DispatchTime.now() + timeoutSeconds
        _ = group.wait(timeout: deadline)
        for (collector, slot) in zip(collectors, slots) {
            if let output = slot.take() {
                output.apply(&facts)
                facts.diagnostics += output.diagnostics
            } else {
                facts.diagnostics.append(Diagnostic(
                    collector: collector.name,
                    error: "did not finish within \(timeoutSeconds) s; its facts are left out",
                    severity: .error))
            }
        }
    }
}

/// One collector's result, written by its thread and read by the runner.
private final class ResultSlot: @unchecked Sendable {
    private let lock = DispatchSemaphore(value: 1)
    private var output: CollectorOutput?

    func store(_ value: CollectorOutput) {
        lock.wait()
        output = value
        lock.signal()
    }

    func take() -> CollectorOutput? {
        lock.wait()
        defer { lock.signal() }
        return output
    }
}
