/// Where the host's `/proc`, `/sys`, `/dev`, `/etc` and `/run` trees are.
///
/// mkagent may run on the node itself, in a privileged container that bind-mounts the host's trees as
/// `/host-proc`, `/host-sys`, `/host-dev`, or in a test on a fixture tree. Every file the library reads is
/// named relative to one of these roots, so the same collector works in all three places.
public struct HostRoot: Sendable, Equatable, Codable {
    public var proc: String
    public var sys: String
    public var dev: String
    public var etc: String
    /// Where udev keeps its device database (`run/udev/data`).
    public var run: String

    public init(proc: String, sys: String, dev: String, etc: String, run: String = "/run") {
        self.proc = proc
        self.sys = sys
        self.dev = dev
        self.etc = etc
        self.run = run
    }

    /// All five trees under one directory (`DIR/proc`, `DIR/sys`, `DIR/dev`, `DIR/etc`, `DIR/run`).
    public init(under directory: String) {
        let base = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        let prefix = base == "/" ? "" : base
        self.init(
            proc: prefix + "/proc", sys: prefix + "/sys", dev: prefix + "/dev", etc: prefix + "/etc",
            run: prefix + "/run")
    }

    /// The node's own trees.
    public static let host = HostRoot(under: "/")

    /// The container convention: the host's trees bind-mounted beside the container's own.
    public static let container = HostRoot(
        proc: "/host-proc", sys: "/host-sys", dev: "/host-dev", etc: "/host-etc", run: "/host-run")

    public enum Tree: String, Sendable, CaseIterable, Codable {
        case proc, sys, dev, etc, run
    }

    public func directory(of tree: Tree) -> String {
        switch tree {
        case .proc: return proc
        case .sys: return sys
        case .dev: return dev
        case .etc: return etc
        case .run: return run
        }
    }

    /// The absolute path of `relative` (for example `firmware/dmi/tables/DMI`) inside `tree`.
    public func path(_ tree: Tree, _ relative: String) -> String {
        let base = directory(of: tree)
        if relative.isEmpty { return base }
        let trimmed = relative.hasPrefix("/") ? String(relative.dropFirst()) : relative
        return base.hasSuffix("/") ? base + trimmed : base + "/" + trimmed
    }
}
