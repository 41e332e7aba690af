import ServiceLifecycle
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// As PID 1 (the container's entry point) orphaned processes are re-parented to mkagent: collect them so
/// they do not stay zombies. While a task's process runs, the reaper stands aside (`ChildReaper.busy`) so
/// the task runner, not the reaper, collects that process's exit status.
struct ChildReaper: Service {
    /// Held by whoever spawns and waits for a child of its own.
    static let busy = Mutex<Void>(())

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while !Task.isCancelled {
                    _ = Self.busy.withLockIfAvailable { _ in
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
