#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file under a host root could not be read; carries the path so a diagnostic can name it.
public enum HostFileError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(path: String)
    case permissionDenied(path: String)
    case isDirectory(path: String)
    case tooLarge(path: String, limit: Int)
    case system(path: String, errno: Int32)

    public var path: String {
        switch self {
        case .notFound(let p), .permissionDenied(let p), .isDirectory(let p), .tooLarge(let p, _), .system(let p, _):
            return p
        }
    }

    public var description: String {
        switch self {
        case .notFound: return "no such file or directory"
        case .permissionDenied: return "permission denied"
        case .isDirectory: return "is a directory"
        case .tooLarge(_, let limit): return "larger than the \(limit)-byte read limit"
        case .system(_, let code): return String(cString: strerror(code))
        }
    }

    static func from(errno code: Int32, path: String) -> HostFileError {
        switch code {
        case ENOENT, ENOTDIR: return .notFound(path: path)
        case EACCES, EPERM: return .permissionDenied(path: path)
        case EISDIR: return .isDirectory(path: path)
        default: return .system(path: path, errno: code)
        }
    }
}
