#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A directory under a host root, held open so that the many small files below it (sysfs attributes)
/// are opened relative to it: the kernel walks the root's path once, not once per attribute. Reads use
/// one buffer, so a handle belongs to one reader at a time. Meant for sysfs and its copies, not for pipes
/// or character devices: a short read counts as the end of the file.
public final class HostDirectory {
    /// The directory's absolute path; errors name `path/relative`.
    public let path: String
    private let descriptor: Int32
    private var buffer = [UInt8](repeating: 0, count: 4096)
    private let readLimit: Int

    init(path: String, readLimit: Int) throws(HostFileError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw HostFileError.from(errno: errno, path: path) }
        self.path = path
        self.descriptor = descriptor
        self.readLimit = readLimit
    }

    deinit {
        close(descriptor)
    }

    public func exists(_ relative: String) -> Bool {
        faccessat(descriptor, relative, F_OK, 0) == 0
    }

    /// The file opened for reads at chosen offsets (see `HostFiles.openFile`).
    public func openFile(_ relative: String) throws(HostFileError) -> HostFiles.OpenFile {
        let file = openat(descriptor, relative, O_RDONLY | O_CLOEXEC)
        guard file >= 0 else { throw HostFileError.from(errno: errno, path: path + "/" + relative) }
        return HostFiles.OpenFile(fd: file, path: path + "/" + relative)
    }

    /// The target of a symbolic link as stored in it (see `HostFiles.linkTarget`).
    public func linkTarget(_ relative: String) throws(HostFileError) -> String {
        let count = buffer.withUnsafeMutableBytes { raw in
            readlinkat(descriptor, relative, raw.baseAddress!.assumingMemoryBound(to: CChar.self), raw.count)
        }
        guard count >= 0 else { throw HostFileError.from(errno: errno, path: path + "/" + relative) }
        return String(decoding: buffer[0..<count], as: UTF8.self)
    }

    /// The directory's own path with every symbolic link resolved (see `HostFiles.realPath(descriptor:path:)`).
    public func realPath() -> String? {
        HostFiles.realPath(descriptor: descriptor, path: path)
    }

    public func bytes(_ relative: String) throws(HostFileError) -> [UInt8] {
        let file = openat(descriptor, relative, O_RDONLY | O_CLOEXEC)
        guard file >= 0 else { throw HostFileError.from(errno: errno, path: path + "/" + relative) }
        defer { close(file) }
        var result: [UInt8] = []
        while true {
            let count = buffer.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw HostFileError.from(errno: errno, path: path + "/" + relative)
            }
            if count == 0 { break }
            result.append(contentsOf: buffer[0..<count])
            if result.count > readLimit { throw HostFileError.tooLarge(path: path + "/" + relative, limit: readLimit) }
            // A short read is the end: sysfs hands out an attribute in one read, and regular files (dumps)
            // come short only at their end. This halves the system calls of a CPU tree.
            if count < buffer.count { break }
        }
        return result
    }

    /// The file as text, with one trailing newline removed (sysfs attributes end in one).
    public func text(_ relative: String) throws(HostFileError) -> String {
        var data = try bytes(relative)
        if data.last == 0x0A { data.removeLast() }
        return String(decoding: data, as: UTF8.self)
    }
}
