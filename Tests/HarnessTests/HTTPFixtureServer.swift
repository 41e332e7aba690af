import Foundation

/// A static HTTP server on 127.0.0.1 (busybox httpd) that a guest reaches through a vm-run forward.
final class HTTPFixtureServer {
    let port: Int
    private let root: URL
    private let process = Process()

    /// Serves FILES (name → contents) on a free port until `stop()`.
    init(files: [String: String]) throws {
        guard let busybox = HostCommand.find("busybox") else {
            throw Harness.Failure(description: "busybox not installed (apt-get install busybox-static)")
        }
        root = FileManager.default.temporaryDirectory.appendingPathComponent("mkagent-http-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (name, contents) in files {
            try contents.write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        port = try Self.freePort()
        process.executableURL = URL(fileURLWithPath: busybox)
        process.arguments = ["httpd", "-f", "-p", "127.0.0.1:\(port)", "-h", root.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    func stop() {
        if process.isRunning {
            // SIGKILL: Foundation spawns children with the signal mask of the spawning thread, on which the
            // test runner's worker threads block SIGTERM.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: root)
    }

    /// A port the kernel hands out for 127.0.0.1:0, released again for the server to take.
    private static func freePort() throws -> Int {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw Harness.Failure(description: "socket: errno \(errno)") }
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socketFD, pointer, length) == 0 && getsockname(socketFD, pointer, &length) == 0
            }
        }
        guard bound else { throw Harness.Failure(description: "bind 127.0.0.1:0: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
