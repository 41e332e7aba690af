/// The mounts of `PROC/self/mountinfo` (with the root of each, which `/proc/mounts` lacks) and the active swap areas of `PROC/swaps`, and lsblk's rules for
/// which of them belong to a block device.
public struct LsblkMounts: Sendable, Equatable {
    public struct Mount: Sendable, Equatable {
        public var major: UInt32
        public var minor: UInt32
        /// The directory of the mounted file system that is mounted (`/` unless a bind mount or subvolume).
        public var root: String
        public var target: String
        public var source: String
    }

    public var mounts: [Mount]
    /// Device paths of active swap areas (`/dev/sda2`).
    public var swaps: [String]

    public init(mounts: [Mount] = [], swaps: [String] = []) {
        self.mounts = mounts
        self.swaps = swaps
    }

    /// `proc(5)` mountinfo: `ID PARENT MAJ:MIN ROOT TARGET OPTIONS [OPTIONAL...] - FSTYPE SOURCE SUPEROPTIONS`,
    /// with spaces, tabs, newlines and backslashes octal-escaped. Lines that do not have this shape are skipped.
    public static func parseMountInfo(_ text: String) -> [Mount] {
        var mounts: [Mount] = []
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 7, let dash = fields.firstIndex(of: "-"), dash >= 6, dash + 2 < fields.count else {
                continue
            }
            let numbers = fields[2].split(separator: ":")
            guard numbers.count == 2, let major = UInt32(numbers[0]), let minor = UInt32(numbers[1]) else { continue }
            mounts.append(Mount(
                major: major, minor: minor, root: MountTable.unescape(fields[3]), target: MountTable.unescape(fields[4]),
                source: MountTable.unescape(fields[dash + 2])))
        }
        return mounts
    }

    /// `/proc/swaps`: a header line, then `FILENAME TYPE SIZE USED PRIORITY`.
    public static func parseSwaps(_ text: String) -> [String] {
        text.split(separator: "\n").dropFirst().compactMap { line in
            line.split(separator: " ", omittingEmptySubsequences: true).first.map(MountTable.unescape)
        }
    }

    /// lsblk's MOUNTPOINTS of the device `major:minor` whose node is `path`: every mount of that device
    /// number or from that path, the newest first; with none, `[SWAP]` when it is an active swap area.
    /// The second value is its MOUNTPOINT: the newest mount, or the newest one of the whole file system
    /// (root `/`) when the newest is a bind mount or subvolume.
    public func mountpoints(major: UInt32, minor: UInt32, path: String) -> (all: [String], best: String?) {
        let matching = mounts.reversed().filter { ($0.major == major && $0.minor == minor) || $0.source == path }
        if matching.isEmpty {
            return swaps.contains(path) ? (["[SWAP]"], "[SWAP]") : ([], nil)
        }
        var best = matching[0]
        if best.root != "/", let whole = matching.dropFirst().first(where: { $0.root == "/" }) { best = whole }
        return (matching.map(\.target), best.target)
    }
}
