import ArgumentParser
import Facts
#if canImport(Glibc)
import Glibc
#endif

/// Where the host's trees are: shared by every command that reads the host.
struct RootOptions: ParsableArguments {
    @Option(name: .customLong("root"), help: ArgumentHelp(
        "Read DIR/proc, DIR/sys, DIR/dev, DIR/etc and DIR/run instead of the host's own trees.", valueName: "DIR"))
    var root: String?

    @Option(name: .customLong("proc-root"), help: ArgumentHelp("The host's /proc (overrides --root).", valueName: "DIR"))
    var procRoot: String?

    @Option(name: .customLong("sys-root"), help: ArgumentHelp("The host's /sys (overrides --root).", valueName: "DIR"))
    var sysRoot: String?

    @Option(name: .customLong("dev-root"), help: ArgumentHelp("The host's /dev (overrides --root).", valueName: "DIR"))
    var devRoot: String?

    @Option(name: .customLong("etc-root"), help: ArgumentHelp("The host's /etc (overrides --root).", valueName: "DIR"))
    var etcRoot: String?

    @Option(name: .customLong("run-root"), help: ArgumentHelp(
        "The host's /run, where udev's device database is (overrides --root).", valueName: "DIR"))
    var runRoot: String?

    /// Flags, then MKAGENT_* environment variables, then /host-proc auto-detection.
    func resolve(environment: [String: String] = ProcessEnvironment.current) -> HostRootResolver.Resolution {
        Self.resolve(.init(root: root, proc: procRoot, sys: sysRoot, dev: devRoot, etc: etcRoot, run: runRoot),
                     environment: environment)
    }

    /// The same resolution for flags given some other way (none: environment and auto-detection only).
    static func resolve(
        _ flags: HostRootResolver.Flags, environment: [String: String] = ProcessEnvironment.current
    ) -> HostRootResolver.Resolution {
        HostRootResolver(environment: environment, exists: { access($0, F_OK) == 0 }).resolve(flags)
    }
}

enum ProcessEnvironment {
    static var current: [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let eq = text.firstIndex(of: "=") {
                result[String(text[..<eq])] = String(text[text.index(after: eq)...])
            }
            pointer += 1
        }
        return result
    }
}
