import CLinux
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Symbolic links, existence and file-system types under a host root.
///
/// sysfs says much through links (`class/net/eth0/device/driver` names the driver, `master` the bond or
/// bridge), and some answers depend on whether a tree is the kernel's own or a copy of one.
extension HostFiles {
    /// The target of a symbolic link as stored in it (often relative, `../../devices/...`).
    public func linkTarget(_ tree: HostRoot.Tree, _ relative: String) throws(HostFileError) -> String {
        let full = path(tree, relative)
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBufferPointer { readlink(full, $0.baseAddress!, $0.count) }
        guard count >= 0 else { throw HostFileError.from(errno: errno, path: full) }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether `relative` exists (links followed). Unlike `exists`, a lookup the system refuses (a
    /// directory without search permission) is an error, not a "no".
    public func entryExists(_ tree: HostRoot.Tree, _ relative: String) throws(HostFileError) -> Bool {
        let full = path(tree, relative)
        var info = stat()
        if stat(full, &info) == 0 { return true }
        let code = errno
        if code == ENOENT || code == ENOTDIR { return false }
        throw HostFileError.from(errno: code, path: full)
    }

    /// The magic number of the file system holding `relative` (`statfs`'s `f_type`), e.g.
    /// `HostFiles.sysfsMagic` when the sys root is the kernel's sysfs rather than a copied tree.
    public func fileSystemType(_ tree: HostRoot.Tree, _ relative: String) throws(HostFileError) -> Int64 {
        let full = path(tree, relative)
        var type: Int64 = 0
        guard mkagent_fs_type(full, &type) == 0 else { throw HostFileError.from(errno: errno, path: full) }
        return type
    }

    /// `SYSFS_MAGIC` from linux/magic.h.
    public static let sysfsMagic: Int64 = 0x6265_6572
}
