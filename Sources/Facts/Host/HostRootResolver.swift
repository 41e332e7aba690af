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
        public var origins: Origins
    }

    /// Each tree's origin. A table by tree rather than a dictionary: the first dictionary keyed by an enum
    /// makes the Swift runtime scan every protocol conformance in the binary (for `Hashable`), about 0.1 ms
    /// of each command's start.
    public struct Origins: Sendable, Equatable {
        private var table = [Origin](repeating: .host, count: HostRoot.Tree.allCases.count)

        public subscript(tree: HostRoot.Tree) -> Origin {
            get { table[tree.ordinal] }
            set { table[tree.ordinal] = newValue }
        }

        public var values: [Origin] { table }

        /// Tree name → origin name (`"sys": "flag"`), for the facts' metadata.
        public var byName: [String: String] {
            var result: [String: String] = [:]
            for tree in HostRoot.Tree.allCases { result[tree.rawValue] = self[tree].rawValue }
            return result
        }
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
        var origins = Origins()
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

extension HostRoot.Tree {
    /// The tree's place in `allCases`.
    var ordinal: Int {
        switch self {
        case .proc: return 0
        case .sys: return 1
        case .dev: return 2
        case .etc: return 3
        case .run: return 4
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
