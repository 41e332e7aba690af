#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Route-netlink dumps (links, addresses, routes) of the network namespace this process runs in — the
/// host's when mkagent runs on the node or in a host-networked container. Plain system calls, no `ip`.
enum NetlinkSocket {
    static let familyNetlink: Int32 = 16  // AF_NETLINK
    static let protocolRoute: Int32 = 0  // NETLINK_ROUTE

    /// Sends one dump request and collects the messages up to NLMSG_DONE. A dump the kernel marks
    /// interrupted (the tables changed under it) is retried once.
    static func dump(type: UInt16, familyHeaderLength: Int, sequence: UInt32) throws(NetlinkError) -> [NetlinkMessage] {
        do {
            return try dumpOnce(type: type, familyHeaderLength: familyHeaderLength, sequence: sequence)
        } catch .interrupted {
            return try dumpOnce(type: type, familyHeaderLength: familyHeaderLength, sequence: sequence &+ 1000)
        }
    }

    static func dumpOnce(type: UInt16, familyHeaderLength: Int, sequence: UInt32) throws(NetlinkError) -> [NetlinkMessage] {
        let fd = socket(familyNetlink, Int32(SOCK_RAW.rawValue) | Int32(SOCK_CLOEXEC.rawValue), protocolRoute)
        guard fd >= 0 else { throw .socket(errno: errno) }
        defer { close(fd) }
        // A kernel that never answers must not hang the collector past its own timeout.
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))

        let request = NetlinkMessage.dumpRequest(
            type: type, sequence: sequence, familyHeaderLength: familyHeaderLength, family: 0)
        let sent = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        guard sent == request.count else { throw .send(errno: sent < 0 ? errno : EMSGSIZE) }

        var collected: [NetlinkMessage] = []
        var interrupted = false
        var buffer = [UInt8](repeating: 0, count: 256 << 10)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .receive(errno: errno)
            }
            if count == 0 { throw .malformed("the socket closed before the end of the dump") }
            let (messages, problem) = NetlinkMessage.split(Array(buffer[0..<count]))
            if let problem { throw .malformed(problem) }
            for message in messages where message.sequence == sequence {
                if message.flags & NetlinkMessage.flagDumpInterrupted != 0 { interrupted = true }
                switch message.type {
                case NetlinkMessage.done:
                    if interrupted { throw .interrupted }
                    return collected
                case NetlinkMessage.error:
                    let code = NativeBytes.load(message.payload, at: 0, as: Int32.self) ?? -EPROTO
                    if code == 0 { continue }
                    throw .kernel(errno: -code)
                default:
                    collected.append(message)
                }
            }
        }
    }
}
