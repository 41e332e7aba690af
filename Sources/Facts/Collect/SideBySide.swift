import Dispatch

/// Runs independent pieces of blocking work side by side and returns their results in order. The calling
/// thread takes part (Dispatch's `concurrentPerform`), so nothing waits on a thread it started itself, and
/// no piece runs after the call returns.
///
/// For reads that are each a long run of small sysfs files: they spend their time in the kernel, and a
/// node's cores can serve several runs at once.
enum SideBySide {
    static func run<A, B, C>(_ a: () -> A, _ b: () -> B, _ c: () -> C) -> (A, B, C) {
        let results = Results<A, B, C>()
        withoutActuallyEscaping(a) { a in
            withoutActuallyEscaping(b) { b in
                withoutActuallyEscaping(c) { c in
                    let work = Work(a: a, b: b, c: c)
                    DispatchQueue.concurrentPerform(iterations: 3) { index in
                        switch index {
                        case 0: results.a = work.a()
                        case 1: results.b = work.b()
                        default: results.c = work.c()
                        }
                    }
                }
            }
        }
        return (results.a!, results.b!, results.c!)
    }

    /// The pieces, handed to the threads that run them; each runs exactly once.
    private struct Work<A, B, C>: @unchecked Sendable {
        let a: () -> A
        let b: () -> B
        let c: () -> C
    }

    /// Each result is written by one thread before `concurrentPerform` returns and read only after it.
    private final class Results<A, B, C>: @unchecked Sendable {
        var a: A?
        var b: B?
        var c: C?
    }
}
