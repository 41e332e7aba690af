#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Why a route-netlink dump failed.
enum NetlinkError: Error, Sendable, Equatable, CustomStringConvertible {
    case socket(errno: Int32)
    case send(errno: Int32)
    case receive(errno: Int32)
    /// The kernel answered the request with NLMSG_ERROR.
    case kernel(errno: Int32)
    case malformed(String)
    /// NLM_F_DUMP_INTR: the tables changed during the dump, twice in a row.
    case interrupted

    var description: String {
        switch self {
        case .socket(let code): return "cannot open a netlink socket: \(String(cString: strerror(code)))"
        case .send(let code): return "cannot send the dump request: \(String(cString: strerror(code)))"
        case .receive(let code): return "cannot receive the dump: \(String(cString: strerror(code)))"
        case .kernel(let code): return "the kernel refused the dump: \(String(cString: strerror(code)))"
        case .malformed(let what): return "malformed reply: \(what)"
        case .interrupted: return "the tables changed during the dump twice in a row"
        }
    }
}
