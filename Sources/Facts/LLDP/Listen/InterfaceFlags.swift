#if canImport(Glibc)
import Glibc

/// Brings an interface administratively up or down with SIOCGIFFLAGS/SIOCSIFFLAGS (needs CAP_NET_ADMIN).
public enum InterfaceFlags {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func setUp(_ name: String, _ up: Bool) throws(Failure) {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var request = ifreq()
        let nameBytes = Array(name.utf8.prefix(Int(IFNAMSIZ) - 1))
        withUnsafeMutableBytes(of: &request.ifr_ifrn) { raw in
            for (i, byte) in nameBytes.enumerated() { raw[i] = byte }
        }
        guard ioctl(fd, UInt(SIOCGIFFLAGS), &request) == 0 else {
            throw Failure(description: "SIOCGIFFLAGS \(name): \(String(cString: strerror(errno)))")
        }
        let upFlag = Int16(IFF_UP)
        if up {
            request.ifr_ifru.ifru_flags |= upFlag
        } else {
            request.ifr_ifru.ifru_flags &= ~upFlag
        }
        guard ioctl(fd, UInt(SIOCSIFFLAGS), &request) == 0 else {
            throw Failure(description: "SIOCSIFFLAGS \(name): \(String(cString: strerror(errno)))")
        }
    }
}
#endif
