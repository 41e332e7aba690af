#if canImport(Glibc)
import Glibc

/// An AF_PACKET socket that receives LLDP and CDP frames from every interface, filtered in the kernel by
/// `DiscoveryPacketFilter`. It can be read once (a listening window) or for as long as its owner likes
/// (a background listener): `receive` only ever waits as long as it is told to.
public final class DiscoverySocket {
    /// A frame as received: the interface it came in on and its bytes from the Ethernet header on.
    public struct Received: Sendable {
        public var interfaceIndex: Int32
        public var frame: [UInt8]
    }

    public enum OpenError: Error, Equatable, CustomStringConvertible {
        /// socket(2) refused for lack of CAP_NET_RAW.
        case permissionDenied
        case system(call: String, errno: Int32)

        public var description: String {
            switch self {
            case .permissionDenied:
                return "listening for LLDP needs CAP_NET_RAW (run as root or grant the capability); socket(AF_PACKET) was refused"
            case .system(let call, let code):
                return "\(call): \(String(cString: strerror(code)))"
            }
        }
    }

    private let fd: Int32
    private var buffer = [UInt8](repeating: 0, count: 9216)

    static let ethernetProtocolAll: UInt16 = 0x0003
    static let solPacket: Int32 = 263
    static let packetAddMembership: Int32 = 1
    static let packetMRMulticast: UInt16 = 0
    static let packetOutgoing: UInt8 = 4

    /// Opens the socket, attaches the filter before binding (so no unfiltered frame is ever queued), joins
    /// the LLDP and CDP multicast groups on `interfaces`, and binds to all interfaces.
    public init(joining interfaces: [Int32]) throws(OpenError) {
        // Protocol 0 receives nothing until bind: the filter is in place before the first frame arrives.
        fd = socket(AF_PACKET, Int32(SOCK_RAW.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else {
            let code = errno
            throw code == EPERM || code == EACCES ? .permissionDenied : .system(call: "socket(AF_PACKET)", errno: code)
        }
        do {
            try attachFilter()
            for index in interfaces { try join(index) }
            try bind()
        } catch {
            close(fd)
            throw error
        }
    }

    deinit { close(fd) }

    private func attachFilter() throws(OpenError) {
        var raw = [UInt8](repeating: 0, count: 8 * DiscoveryPacketFilter.program.count)
        for (i, instruction) in DiscoveryPacketFilter.program.enumerated() {
            raw.withUnsafeMutableBytes { bytes in
                bytes.storeBytes(of: instruction.code, toByteOffset: i * 8, as: UInt16.self)
                bytes.storeBytes(of: instruction.jt, toByteOffset: i * 8 + 2, as: UInt8.self)
                bytes.storeBytes(of: instruction.jf, toByteOffset: i * 8 + 3, as: UInt8.self)
                bytes.storeBytes(of: instruction.k, toByteOffset: i * 8 + 4, as: UInt32.self)
            }
        }
        let status = raw.withUnsafeMutableBytes { filter -> Int32 in
            // struct sock_fprog { unsigned short len; struct sock_filter *filter; }
            let pointerOffset = MemoryLayout<UnsafeRawPointer>.alignment
            var program = [UInt8](repeating: 0, count: pointerOffset + MemoryLayout<UnsafeRawPointer>.size)
            return program.withUnsafeMutableBytes { fprog in
                fprog.storeBytes(of: UInt16(DiscoveryPacketFilter.program.count), toByteOffset: 0, as: UInt16.self)
                fprog.storeBytes(of: filter.baseAddress!, toByteOffset: pointerOffset, as: UnsafeMutableRawPointer.self)
                return setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, fprog.baseAddress, socklen_t(fprog.count))
            }
        }
        if status != 0 { throw .system(call: "setsockopt(SO_ATTACH_FILTER)", errno: errno) }
    }

    /// PACKET_ADD_MEMBERSHIP for each group address: NICs drop multicast they were not asked for.
    private func join(_ interfaceIndex: Int32) throws(OpenError) {
        let groups: [[UInt8]] = Array(DiscoveryFrame.lldpDestinations).sorted { $0.lexicographicallyPrecedes($1) } + [DiscoveryFrame.cdpDestination]
        for group in groups {
            // struct packet_mreq { int mr_ifindex; unsigned short mr_type, mr_alen; unsigned char mr_address[8]; }
            var request = [UInt8](repeating: 0, count: 16)
            request.withUnsafeMutableBytes { bytes in
                bytes.storeBytes(of: interfaceIndex, toByteOffset: 0, as: Int32.self)
                bytes.storeBytes(of: Self.packetMRMulticast, toByteOffset: 4, as: UInt16.self)
                bytes.storeBytes(of: UInt16(6), toByteOffset: 6, as: UInt16.self)
                for (i, byte) in group.enumerated() { bytes[8 + i] = byte }
            }
            let status = request.withUnsafeBytes { setsockopt(fd, Self.solPacket, Self.packetAddMembership, $0.baseAddress, socklen_t($0.count)) }
            if status != 0 { throw .system(call: "setsockopt(PACKET_ADD_MEMBERSHIP, ifindex \(interfaceIndex))", errno: errno) }
        }
    }

    private func bind() throws(OpenError) {
        var address = Self.linkAddress(protocol: Self.ethernetProtocolAll, interfaceIndex: 0)
        let status = address.withUnsafeMutableBytes { bytes in
            Glibc.bind(fd, bytes.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t(bytes.count))
        }
        if status != 0 { throw .system(call: "bind(AF_PACKET)", errno: errno) }
    }

    /// struct sockaddr_ll { u16 family; be16 protocol; int ifindex; u16 hatype; u8 pkttype, halen; u8 addr[8]; }
    static func linkAddress(protocol: UInt16, interfaceIndex: Int32) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 20)
        bytes.withUnsafeMutableBytes { raw in
            raw.storeBytes(of: UInt16(AF_PACKET), toByteOffset: 0, as: UInt16.self)
            raw.storeBytes(of: `protocol`.bigEndian, toByteOffset: 2, as: UInt16.self)
            raw.storeBytes(of: interfaceIndex, toByteOffset: 4, as: Int32.self)
        }
        return bytes
    }

    /// Waits up to `timeoutMs` for one incoming frame. Frames this host sent (PACKET_OUTGOING, for example
    /// those of an lldpd on the same node) are skipped. Nil when the time passed without a frame.
    public func receive(timeoutMs: Int32) throws(OpenError) -> Received? {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, max(0, timeoutMs))
        if ready < 0 {
            if errno == EINTR { return nil }
            throw .system(call: "poll", errno: errno)
        }
        if ready == 0 { return nil }
        var from = [UInt8](repeating: 0, count: 20)
        var fromLength = socklen_t(from.count)
        let count = buffer.withUnsafeMutableBytes { data in
            from.withUnsafeMutableBytes { address in
                recvfrom(fd, data.baseAddress, data.count, Int32(MSG_DONTWAIT), address.baseAddress!.assumingMemoryBound(to: sockaddr.self), &fromLength)
            }
        }
        if count < 0 {
            if errno == EAGAIN || errno == EINTR { return nil }
            throw .system(call: "recvfrom", errno: errno)
        }
        let packetType = from[10]
        if packetType == Self.packetOutgoing { return nil }
        let index = from.withUnsafeBytes { $0.load(fromByteOffset: 4, as: Int32.self) }
        return Received(interfaceIndex: index, frame: Array(buffer[0..<count]))
    }
}
#endif
