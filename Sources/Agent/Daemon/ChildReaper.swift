import ServiceLifecycle
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// As PID 1 (the container's entry point) orphaned processes are re-parented to mkagent: collect them so
/// they do not stay zombies. While any child that mkagent waits for itself runs (`ChildReaper.waiting`), the
/// reaper stands aside, so that the waiter, not the reaper, collects that child's exit status.
struct ChildReaper: Service {
    /// How many children are being waited for by whoever spawned them.
    private static let waiters = Mutex<Int>(0)

    /// Runs BODY, which spawns a child and waits for it, with the reaper standing aside. Several may run at
    /// once (a task and an answer begun early).
    static func waiting<T>(_ body: () -> T) -> T {
        waiters.withLock { $0 += 1 }
        defer { waiters.withLock { $0 -= 1 } }
        return body()
    }

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while !Task.isCancelled {
                    // Under the lock no waiter can start a child, and with none counted none has one.
                    Self.waiters.withLock { count in
                        guard count == 0 else { return }
                        var status: Int32 = 0
                        while waitpid(-1, &status, WNOHANG) > 0 {}
                    }
                    try await Task.sleep(for: .seconds(1))
                }
            }
        } catch is CancellationError {
            // Shutting down.
        }
    }
}
