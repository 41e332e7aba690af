import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// Plain SwiftNIO HTTP/1.1 on 127.0.0.1 and a free port, for the protocol test servers: each request goes
/// to `respond`, whose answer may be delayed; the server can go away (`stop`) and come back on the same
/// port (`start`).
final class TestHTTPServer: @unchecked Sendable {
    struct Answer: Sendable {
        var status: HTTPResponseStatus
        var contentType: String
        var body: Data
        var delay: Double = 0
    }

    /// The answer once the protocol server that owned this one is gone.
    static let gone = Answer(status: .serviceUnavailable, contentType: "text/plain", body: Data("server gone\n".utf8))

    typealias Respond = @Sendable (_ method: HTTPMethod, _ uri: String, _ contentType: String?, _ body: Data) -> Answer

    private let lock = NSLock()
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private var channel: Channel?
    private var connections: [Channel] = []
    private let respond: Respond
    /// TLS with this context when given: `baseURL` is then https://.
    private let tls: NIOSSLContext?
    private(set) var port: Int = 0

    var baseURL: String { "\(tls == nil ? "http" : "https")://127.0.0.1:\(port)" }

    init(tls: NIOSSLContext? = nil, respond: @escaping Respond) throws {
        self.tls = tls
        self.respond = respond
        try start()
    }

    deinit {
        try? channel?.close().wait()
        try? group.syncShutdownGracefully()
    }

    /// Binds (again) — to a free port the first time, to the same port after `stop()`.
    func start() throws {
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 64)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                self.lock.withLock { self.connections.append(channel) }
                let http = {
                    channel.pipeline.configureHTTPServerPipeline().flatMap {
                        channel.pipeline.addHandler(TestHTTPHandler(respond: self.respond))
                    }
                }
                guard let tls = self.tls else { return http() }
                return channel.pipeline.addHandler(NIOSSLServerHandler(context: tls)).flatMap { http() }
            }
        let bound = try bootstrap.bind(host: "127.0.0.1", port: port).wait()
        port = bound.localAddress!.port!
        lock.withLock { channel = bound }
    }

    /// The server goes away: no listener, open connections cut.
    func stop() throws {
        let (listener, open) = lock.withLock { () -> (Channel?, [Channel]) in
            defer { channel = nil; connections = [] }
            return (channel, connections)
        }
        try listener?.close().wait()
        for connection in open { try? connection.close().wait() }
    }
}

private final class TestHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let respond: TestHTTPServer.Respond
    private var head: HTTPRequestHead?
    private var body = Data()

    init(respond: @escaping TestHTTPServer.Respond) { self.respond = respond }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let h):
            head = h
            body = Data()
        case .body(var buffer):
            body.append(contentsOf: buffer.readBytes(length: buffer.readableBytes) ?? [])
        case .end:
            guard let head else { return }
            let answer = respond(head.method, head.uri, head.headers.first(name: "Content-Type"), body)
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            let reply = { @Sendable in
                let context = bound.value
                var headers = HTTPHeaders()
                headers.add(name: "Content-Type", value: answer.contentType)
                headers.add(name: "Content-Length", value: "\(answer.body.count)")
                context.write(NIOAny(HTTPServerResponsePart.head(HTTPResponseHead(version: head.version, status: answer.status, headers: headers))), promise: nil)
                context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: answer.body)))), promise: nil)
                context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil)), promise: nil)
            }
            if answer.delay > 0 {
                context.eventLoop.scheduleTask(in: .nanoseconds(Int64(answer.delay * 1e9))) { reply() }
            } else {
                reply()
            }
        }
    }
}
