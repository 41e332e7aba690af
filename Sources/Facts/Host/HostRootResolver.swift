/// Resolves the host roots from command-line flags, the environment and what exists on this machine.
///
/// Order, per tree: the tree's own flag (`--proc-root`), then `--root DIR`, then the tree's own
/// environment variable (`MKAGENT_PROC_ROOT`), then `MKAGENT_ROOT`, then auto-detection: the container
/// convention (`/host-proc`, `/host-sys`, `/host-dev`, and `/host-etc`, `/host-run` when mounted) when
/// `/host-proc` exists, else the node's own trees.
public struct HostRootResolver: Sendable {
    /// Values given on the command line; nil when not given.
    public struct Flags: Sendable, Equatable {
        public var root: String?
        public var proc: String?
        public var sys: String?
        public var dev: String?
        public var etc: String?
        public var run: String?

        public init(
            root: String? = nil, proc: String? = nil, sys: String? = nil, dev: String? = nil, etc: String? = nil,
            run: String? = nil
        ) {
            self.root = root
            self.proc = proc
            self.sys = sys
            self.dev = dev
            self.etc = etc
            self.run = run
        }
    }

    /// Where each tree's path came from, reported in the facts' metadata.
    public enum Origin: String, Sendable, Codable {
        case flag, environment, container, host
    }

    public struct Resolution: Sendable, Equatable {
        public var root: HostRoot
        public var origins: [HostRoot.Tree: Origin]
    }

    public var environment: [String: String]
    public var exists: @Sendable (String) -> Bool

    public init(environment: [String: String], exists: @escaping @Sendable (String) -> Bool) {
        self.environment = environment
        self.exists = exists
    }

    public func resolve(_ flags: Flags) -> Resolution {
        let detected: (HostRoot, Origin) = exists(HostRoot.container.proc)
            ? (HostRoot.container, .container) : (HostRoot.host, .host)
        let flagRoot = flags.root.map(HostRoot.init(under:))
        let envRoot = environment["MKAGENT_ROOT"].flatMap { $0.isEmpty ? nil : HostRoot(under: $0) }

        var root = detected.0
        var origins: [HostRoot.Tree: Origin] = [:]
        for tree in HostRoot.Tree.allCases {
            let own = ownFlag(tree, flags)
            let ownEnv = environment["MKAGENT_\(tree.rawValue.uppercased())_ROOT"].flatMap { $0.isEmpty ? nil : $0 }
            let choice: (String, Origin)
            if let own {
                choice = (own, .flag)
            } else if let flagRoot {
                choice = (flagRoot.directory(of: tree), .flag)
            } else if let ownEnv {
                choice = (ownEnv, .environment)
            } else if let envRoot {
                choice = (envRoot.directory(of: tree), .environment)
            } else if tree == .etc || tree == .run, detected.1 == .container,
                !exists(HostRoot.container.directory(of: tree)) {
                // Containers often mount /proc, /sys and /dev of the host but not its /etc or /run.
                choice = (HostRoot.host.directory(of: tree), .host)
            } else {
                choice = (detected.0.directory(of: tree), detected.1)
            }
            root.set(tree, choice.0)
            origins[tree] = choice.1
        }
        return Resolution(root: root, origins: origins)
    }

    private func ownFlag(_ tree: HostRoot.Tree, _ flags: Flags) -> String? {
        switch tree {
        case .proc: return flags.proc
        case .sys: return flags.sys
        case .dev: return flags.dev
        case .etc: return flags.etc
        case .run: return flags.run
        }
    }
}

extension HostRoot {
    mutating func set(_ tree: Tree, _ directory: String) {
        switch tree {
        case .proc: proc = directory
        case .sys: sys = directory
        case .dev: dev = directory
        case .etc: etc = directory
        case .run: run = directory
        }
    }
}
