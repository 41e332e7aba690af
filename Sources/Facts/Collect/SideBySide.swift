import CLinux
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs independent pieces of blocking work side by side and returns their results in order.
///
/// For reads that are each a long run of small sysfs files: they spend their time in the kernel, and a
/// node's cores can serve several runs at once. The calling thread takes part, and one plain thread per
/// further online processor (at most one per piece) is started for the call and joined before it returns,
/// so no piece runs after the call. Pieces are taken in order by whichever thread is free, so the longest
/// should come first. A started thread begins on another CPU than the caller's (`mkagent_thread_start_elsewhere`):
/// left to the scheduler it often waited behind its busy parent for the next balancing tick, about 4 ms,
/// by which time the parent had done most of the work alone; placed elsewhere it starts in about 0.2 ms.
/// Dispatch's pool was no better: it first starts a manager thread, then its workers.
enum SideBySide {
    static func run<A, B, C>(_ a: () -> A, _ b: () -> B, _ c: () -> C) -> (A, B, C) {
        let results = Results<A, B, C>()
        withoutActuallyEscaping(a) { a in
            withoutActuallyEscaping(b) { b in
                withoutActuallyEscaping(c) { c in
                    runAll(Pieces([{ results.a = a() }, { results.b = b() }, { results.c = c() }]))
                }
            }
        }
        return (results.a!, results.b!, results.c!)
    }

    private static func runAll(_ pieces: Pieces) {
        let helpers = min(pieces.count, onlineProcessors()) - 1
        var threads: [pthread_t] = []
        for _ in 0..<max(helpers, 0) {
            var thread = pthread_t()
            let context = Unmanaged.passRetained(pieces).toOpaque()
            if mkagent_thread_start_elsewhere(&thread, { context in
                Unmanaged<Pieces>.fromOpaque(context!).takeRetainedValue().takeUntilDone()
                return nil
            }, context) == 0 {
                threads.append(thread)
            } else {
                // No thread (a limit reached): the calling thread does its share.
                Unmanaged<Pieces>.fromOpaque(context).release()
            }
        }
        pieces.takeUntilDone()
        for thread in threads { pthread_join(thread, nil) }
    }

    private static func onlineProcessors() -> Int {
        max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }

    /// The pieces, handed to the threads that run them; each index is taken by exactly one thread.
    private final class Pieces: @unchecked Sendable {
        private let work: [() -> Void]
        private let next = Atomic<Int>(0)

        init(_ work: [() -> Void]) {
            self.work = work
        }

        var count: Int { work.count }

        func takeUntilDone() {
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < work.count else { return }
                work[index]()
            }
        }
    }

    /// Each result is written by one thread before its thread is joined (or the calling thread finishes
    /// its share) and read only after that.
    private final class Results<A, B, C>: @unchecked Sendable {
        var a: A?
        var b: B?
        var c: C?
    }
}
