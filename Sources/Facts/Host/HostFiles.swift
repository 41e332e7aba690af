#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
#if os(Linux)
import CLinux
#endif

/// Reads files under a `HostRoot` with plain system calls, so that errors keep their errno and sysfs
/// attributes (which report a size of 4096 whatever they hold) are read to their real end.
public struct HostFiles: Sendable {
    public let root: HostRoot

    /// Reads larger than this are refused: sysfs and procfs files are small, and a runaway read of a
    /// device node must not exhaust memory.
    public var readLimit = 64 << 20

    public init(root: HostRoot) {
        self.root = root
    }

    public func path(_ tree: HostRoot.Tree, _ relative: String) -> String {
        root.path(tree, relative)
    }

    public func bytes(_ tree: HostRoot.Tree, _ relative: String) throws(HostFileError) -> [UInt8] {
        // A sysfs attribute is produced whole by one read (at most a page), so a read that returns less
        // than asked is the end: this saves the second read to see EOF on each of the hundreds of attributes
        // a hardware inventory reads.
        try Self.readAll(path: path(tree, relative), limit: readLimit, shortReadIsEnd: tree == .sys)
    }

    /// The file as text, with one trailing newline removed (sysfs attributes end in one).
    public func text(_ tree: HostRoot.Tree, _ relative: String) throws(HostFileError) -> String {
        var data = try bytes(tree, relative)
        if data.last == 0x0A { data.removeLast() }
        return String(decoding: data, as: UTF8.self)
    }

    public func exists(_ tree: HostRoot.Tree, _ relative: String) -> Bool {
        access(path(tree, relative), F_OK) == 0
    }

    public func isDirectory(_ tree: HostRoot.Tree, _ relative: String) -> Bool {
        var info = stat()
        return stat(path(tree, relative), &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// `relative` with every symbolic link resolved, as a path relative to the tree (`devices/pci0000:00/...`
    /// for `block/sda`); nil when it does not exist or resolves outside the tree.
    public func resolved(_ tree: HostRoot.Tree, _ relative: String) -> String? {
        Self.realPath(path(tree, relative)).flatMap { treeRelative(tree, $0) }
    }

    /// An open directory's resolved path relative to the tree (see `resolved(_:_:)`).
    public func resolved(_ tree: HostRoot.Tree, _ directory: HostDirectory) -> String? {
        directory.realPath().flatMap { treeRelative(tree, $0) }
    }

    /// An absolute, resolved path relative to the tree's resolved directory; nil when outside it.
    private func treeRelative(_ tree: HostRoot.Tree, _ target: String) -> String? {
        // Usually the root is itself a real path and needs no resolving of its own.
        let directory = root.directory(of: tree)
        if directory.hasPrefix("/"), target.hasPrefix(directory == "/" ? "/" : directory + "/") {
            return String(target.dropFirst(directory == "/" ? 1 : directory.count + 1))
        }
        guard let base = Self.realPath(directory) else { return nil }
        if target == base { return "" }
        let prefix = base == "/" ? "/" : base + "/"
        guard target.hasPrefix(prefix) else { return nil }
        return String(target.dropFirst(prefix.count))
    }

    /// `count` bytes from `offset` (a sector of a device node, which must not be read whole). Fewer bytes
    /// come back when the file ends first.
    public func bytes(
        _ tree: HostRoot.Tree, _ relative: String, offset: UInt64, count: Int
    ) throws(HostFileError) -> [UInt8] {
        try openFile(tree, relative).read(offset: offset, count: count)
    }

    /// The file opened for reads at chosen offsets, closed when the value is released: for walking a
    /// structure in a file where every byte read costs (PCI configuration space in a VM traps per dword).
    public func openFile(_ tree: HostRoot.Tree, _ relative: String) throws(HostFileError) -> OpenFile {
        let full = path(tree, relative)
        let fd = open(full, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw HostFileError.from(errno: errno, path: full) }
        return OpenFile(fd: fd, path: full)
    }

    /// A file open for reading; closed on release.
    public final class OpenFile {
        let fd: Int32
        public let path: String

        init(fd: Int32, path: String) {
            self.fd = fd
            self.path = path
        }

        deinit { close(fd) }

        /// `count` bytes from `offset`; fewer when the file ends first.
        public func read(offset: UInt64, count: Int) throws(HostFileError) -> [UInt8] {
            var result = [UInt8](repeating: 0, count: count)
            var done = 0
            while done < count {
                let n = result.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(offset) + off_t(done)) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw HostFileError.from(errno: errno, path: path)
                }
                if n == 0 { break }
                done += n
            }
            result.removeSubrange(done...)
            return result
        }
    }

    /// The kernel resolves the whole path in one walk (an `O_PATH` descriptor, named by /proc/self/fd), where
    /// realpath(3) asks readlink of every component (sysfs paths have many); realpath(3) is the fallback
    /// when /proc is not mounted.
    private static func realPath(_ path: String) -> String? {
        #if os(Linux)
        let fd = mkagent_open_path(path)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        #else
        let fd: Int32 = -1
        #endif
        return realPath(descriptor: fd, path: path)
    }

    /// The resolved path of `descriptor`, open on `path`, as the kernel holds it (/proc/self/fd, no walk of
    /// the path's components); realpath(3) of `path` when /proc is not mounted.
    static func realPath(descriptor: Int32, path: String) -> String? {
        #if os(Linux)
        if descriptor >= 0 {
            var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX))
            let count = buffer.withUnsafeMutableBytes { readlink("/proc/self/fd/\(descriptor)", $0.baseAddress!, $0.count) }
            if count > 0, count < buffer.count, buffer[0] == UInt8(ascii: "/") {
                return String(decoding: buffer[..<count], as: UTF8.self)
            }
        }
        #endif
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Names in a directory, sorted, without `.` and `..`.
    public func list(_ tree: HostRoot.Tree, _ relative: String) throws(HostFileError) -> [String] {
        let full = path(tree, relative)
        guard let dir = opendir(full) else { throw HostFileError.from(errno: errno, path: full) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    static func readAll(path: String, limit: Int, shortReadIsEnd: Bool = false) throws(HostFileError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw HostFileError.from(errno: errno, path: path) }
        defer { close(fd) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16384)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw HostFileError.from(errno: errno, path: path)
            }
            if count == 0 { break }
            result.append(contentsOf: chunk[0..<count])
            if result.count > limit { throw HostFileError.tooLarge(path: path, limit: limit) }
            if shortReadIsEnd && count < chunk.count { break }
        }
        return result
    }

    /// Reads a whole file that is not under a host root (a `--dmi-dump` file, a fixture).
    public static func readFile(_ path: String, limit: Int = 64 << 20) throws(HostFileError) -> [UInt8] {
        try readAll(path: path, limit: limit)
    }
}
