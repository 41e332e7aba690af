import CLinux
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The OpenIPMI character device (`DEV/ipmi0`, `DEV/ipmi/0` or `DEV/ipmidev/0`): requests go to the BMC over
/// the system interface (KCS, SMIC, BT, SSIF) that ipmi_si or ipmi_ssif drives.
///
/// Each request is sent with IPMICTL_SEND_COMMAND under a fresh sequence id; responses are read with
/// IPMICTL_RECEIVE_MSG_TRUNC after poll(2) says one is waiting, and responses to other ids (a request that
/// timed out earlier) are dropped. A request gets `timeoutSeconds` in all, and one whose completion code
/// says "busy" or "timeout" is sent again up to `retries` times.
public final class IPMIDevice: IPMITransport {
    /// The device nodes tried, relative to the dev root, in order.
    public static let candidates = ["ipmi0", "ipmi/0", "ipmidev/0"]

    public let path: String
    public var timeoutSeconds: Double
    public var retries: Int
    private let fd: Int32
    private var nextSequence = 1

    public init(files: HostFiles, timeoutSeconds: Double = 5, retries: Int = 3) throws(IPMIError) {
        // Like ipmitool's open interface: the first node that opens is used, whatever the later ones are.
        var failures: [IPMIOpenFailure] = []
        var opened: (fd: Int32, path: String)?
        for relative in Self.candidates {
            let candidate = files.path(.dev, relative)
            let fd = open(candidate, O_RDWR | O_CLOEXEC | O_NONBLOCK)
            if fd >= 0 {
                opened = (fd, candidate)
                break
            }
            let code = errno
            failures.append(IPMIOpenFailure(path: candidate, errno: code, message: String(cString: strerror(code))))
        }
        guard let opened else { throw .open(failures: failures) }
        // Asking the driver not to queue events for this file is harmless on an IPMI device and fails at once
        // on anything else (a regular file, /dev/null), instead of every request timing out later.
        if mkagent_ipmi_set_gets_events(opened.fd, 0) != 0 {
            let code = errno
            close(opened.fd)
            throw .notIPMI(path: opened.path, errno: code, message: String(cString: strerror(code)))
        }
        fd = opened.fd
        path = opened.path
        self.timeoutSeconds = timeoutSeconds
        self.retries = retries
    }

    deinit { close(fd) }

    public func send(_ request: IPMIRequest) throws(IPMIError) -> IPMIResponse {
        var attempt = 0
        while true {
            let response = try exchange(request)
            if response.completionCode.isTransient && attempt < retries {
                attempt += 1
                usleep(UInt32(100_000 * attempt))
                continue
            }
            return response
        }
    }

    private func exchange(_ request: IPMIRequest) throws(IPMIError) -> IPMIResponse {
        let sequence = nextSequence
        nextSequence = nextSequence == Int.max ? 1 : nextSequence + 1
        let sent = request.data.withUnsafeBufferPointer { data in
            mkagent_ipmi_send(fd, request.netFn, request.command, 0, data.baseAddress, UInt16(data.count), sequence)
        }
        if sent != 0 {
            let code = errno
            throw .send(request: request.description, errno: code, message: String(cString: strerror(code)))
        }
        let deadline = Self.now() + timeoutSeconds
        var buffer = [UInt8](repeating: 0, count: 1024)
        while true {
            let remaining = deadline - Self.now()
            if remaining <= 0 { throw .timeout(request: request.description, seconds: timeoutSeconds) }
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, Int32(max(1, remaining * 1000)))
            if ready < 0 {
                if errno == EINTR { continue }
                let code = errno
                throw .receive(request: request.description, errno: code, message: String(cString: strerror(code)))
            }
            if ready == 0 { continue }
            var recvType: Int32 = 0
            var netFn: UInt8 = 0
            var command: UInt8 = 0
            var msgid = 0
            var length = UInt16(buffer.count)
            let got = buffer.withUnsafeMutableBufferPointer { data in
                mkagent_ipmi_receive(fd, &recvType, &netFn, &command, &msgid, data.baseAddress, &length)
            }
            if got < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                let code = errno
                throw .receive(request: request.description, errno: code, message: String(cString: strerror(code)))
            }
            // recv_type 1 is IPMI_RESPONSE_RECV_TYPE; events and commands from other nodes are not ours.
            guard recvType == 1, msgid == sequence else { continue }
            return try IPMIResponse(netFn: netFn, command: command, body: Array(buffer[0..<Int(length)]))
        }
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
