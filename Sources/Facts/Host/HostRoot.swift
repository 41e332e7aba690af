/// Where the host's `/proc`, `/sys`, `/dev` and `/etc` trees are.
///
/// mkagent may run on the node itself, in a privileged container that bind-mounts the host's trees as
/// `/host-proc`, `/host-sys`, `/host-dev`, or in a test on a fixture tree. Every file the library reads is
/// named relative to one of these roots, so the same collector works in all three places.
public struct HostRoot: Sendable, Equatable, Codable {
    public var proc: String
    public var sys: String
    public var dev: String
    public var etc: String

    public init(proc: String, sys: String, dev: String, etc: String) {
        self.proc = proc
        self.sys = sys
        self.dev = dev
        self.etc = etc
    }

    /// All four trees under one directory (`DIR/proc`, `DIR/sys`, `DIR/dev`, `DIR/etc`).
    public init(under directory: String) {
        let base = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        let prefix = base == "/" ? "" : base
        self.init(proc: prefix + "/proc", sys: prefix + "/sys", dev: prefix + "/dev", etc: prefix + "/etc")
    }

    /// The node's own trees.
    public static let host = HostRoot(under: "/")

    /// The container convention: the host's trees bind-mounted beside the container's own.
    public static let container = HostRoot(proc: "/host-proc", sys: "/host-sys", dev: "/host-dev", etc: "/host-etc")

    public enum Tree: String, Sendable, CaseIterable, Codable {
        case proc, sys, dev, etc
    }

    public func directory(of tree: Tree) -> String {
        switch tree {
        case .proc: return proc
        case .sys: return sys
        case .dev: return dev
        case .etc: return etc
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
