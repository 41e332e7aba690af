#if canImport(Glibc)
import Glibc
#endif

/// sd_notify(3) through libsystemd, loaded at run time: the same binary runs where libsystemd is absent
/// (an initramfs, a minimal container), and then simply does not notify. Nothing is loaded unless the
/// service manager asked for notifications (`NOTIFY_SOCKET`).
final class SystemdNotifier: @unchecked Sendable {
    private typealias NotifyFunction = @convention(c) (Int32, UnsafePointer<CChar>?) -> Int32
    private let notify: NotifyFunction?
    /// Half of `WATCHDOG_USEC`, when the manager wants keep-alives.
    let watchdogInterval: Double?

    init(environment: [String: String]) {
        guard environment["NOTIFY_SOCKET"] != nil,
              let handle = dlopen("libsystemd.so.0", RTLD_NOW | RTLD_LOCAL),
              let symbol = dlsym(handle, "sd_notify")
        else {
            notify = nil
            watchdogInterval = nil
            return
        }
        notify = unsafeBitCast(symbol, to: NotifyFunction.self)
        if let usec = environment["WATCHDOG_USEC"].flatMap(Double.init), usec > 0,
           environment["WATCHDOG_PID"].flatMap(Int32.init).map({ $0 == getpid() }) ?? true {
            watchdogInterval = usec / 2_000_000
        } else {
            watchdogInterval = nil
        }
    }

    var isActive: Bool { notify != nil }

    func send(_ state: String) {
        guard let notify else { return }
        _ = state.withCString { notify(0, $0) }
    }

    func ready(status: String) { send("READY=1\nSTATUS=\(status)") }
    func status(_ text: String) { send("STATUS=\(text)") }
    func watchdog() { send("WATCHDOG=1") }
    func stopping() { send("STOPPING=1") }

    /// Sleeps `seconds`, sending WATCHDOG=1 at least every half watchdog interval meanwhile.
    func sleepPingingWatchdog(_ seconds: Double) async throws {
        var left = seconds
        repeat {
            watchdog()
            let step = min(left, watchdogInterval ?? left)
            try await Task.sleep(for: .seconds(step))
            left -= step
        } while left > 0
    }
}
