#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension HostFiles {
    /// Whether the proc root is a mounted procfs — the running kernel's own `/proc`, on the node or
    /// bind-mounted into a container as `/host-proc` — rather than a copy in a dump or fixture.
    ///
    /// procfs is told by its traits, as statfs() is not reachable from Swift's Glibc module: `self` is a
    /// symlink and files report a size of 0 though they are not empty (`uptime`).
    public func isLiveProcfs() -> Bool {
        var link = stat()
        guard lstat(path(.proc, "self"), &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK else { return false }
        var uptime = stat()
        guard stat(path(.proc, "uptime"), &uptime) == 0, (uptime.st_mode & S_IFMT) == S_IFREG else { return false }
        return uptime.st_size == 0
    }
}

extension HostFiles {
    /// Opens a directory under a tree for many reads below it (see `HostDirectory`).
    public func directory(_ tree: HostRoot.Tree, _ relative: String) throws(HostFileError) -> HostDirectory {
        try HostDirectory(path: path(tree, relative), readLimit: readLimit)
    }
}
