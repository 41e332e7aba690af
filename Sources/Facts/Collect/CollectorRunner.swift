import Dispatch

/// Runs collectors concurrently, each on its own thread, and waits for each at most `timeout` (plus the
/// time a collector takes by design, such as the LLDP listening window).
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
        DMICollector(), CPUCollector(), MemoryCollector(), OSCollector(), VirtualCollector(), NetworkCollector(),
        PCICollector(), StorageCollector(), USBCollector(), LLDPCollector(), IPMICollector(), HardwareCollector(),
    ]

    /// The collectors `mkagent facts` runs when no `--only` names them.
    public static var defaults: [any FactCollector] { all.filter(\.runsByDefault) }

    public func run(_ context: CollectionContext, into facts: inout Facts) {
        let slots = collectors.map { _ in ResultSlot() }
        let started = DispatchTime.now()
        for (collector, slot) in zip(collectors, slots) {
            DispatchQueue.global().async {
                slot.store(collector.collect(context))
            }
        }
        for (collector, slot) in zip(collectors, slots) {
            let allowed = timeoutSeconds + collector.expectedDuration(context)
            if let output = slot.wait(until: started + allowed) {
                output.apply(&facts)
                facts.diagnostics += output.diagnostics
            } else {
                facts.diagnostics.append(Diagnostic(
                    collector: collector.name,
                    error: "did not finish within \(timeoutSeconds + collector.expectedDuration(context)) s; its facts are left out",
                    severity: .error))
            }
        }
    }
}

/// One collector's result, written by its thread and read by the runner.
private final class ResultSlot: @unchecked Sendable {
    private let lock = DispatchSemaphore(value: 1)
    private let done = DispatchSemaphore(value: 0)
    private var output: CollectorOutput?

    func store(_ value: CollectorOutput) {
        lock.wait()
        output = value
        lock.signal()
        done.signal()
    }

    /// The output once stored, or nil if `deadline` passes first.
    func wait(until deadline: DispatchTime) -> CollectorOutput? {
        guard done.wait(timeout: deadline) == .success else { return nil }
        lock.wait()
        defer { lock.signal() }
        return output
    }
}
