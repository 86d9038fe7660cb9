import NIOCore
import NIOHTTP1
import NIOPosix

/// A minimal HTTP/1.1 server for `/metrics` (and for receiving webhooks in tests): one async
/// handler per request, bound to the address given (loopback unless told otherwise).
public final class LoopbackHTTPServer: Sendable {
    public struct Request: Sendable {
        public var method: String
        public var path: String
        public var body: String
    }

    public struct Response: Sendable {
        public var status: Int
        public var contentType: String
        public var body: String

        public init(status: Int = 200, contentType: String = "text/plain; charset=utf-8", body: String = "") {
            self.status = status
            self.contentType = contentType
            self.body = body
        }
    }

    public typealias Handler = @Sendable (Request) async -> Response
    typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

    public let port: Int
    private let channel: NIOAsyncChannel<Connection, Never>
    private let serving: Task<Void, Never>

    private init(port: Int, channel: NIOAsyncChannel<Connection, Never>, serving: Task<Void, Never>) {
        self.port = port
        self.channel = channel
        self.serving = serving
    }

    /// Binds and starts serving; port 0 picks a free port, read back from `port`.
    public static func start(host: String = "127.0.0.1", port: Int, handler: @escaping Handler) async throws
        -> LoopbackHTTPServer
    {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: host, port: port) { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try Connection(wrappingChannelSynchronously: child)
                }
            }
        let serving = Task<Void, Never> {
            await withDiscardingTaskGroup { group in
                do {
                    try await channel.executeThenClose { connections in
                        for try await connection in connections {
                            group.addTask { await serve(connection, handler) }
                        }
                    }
                } catch {
                    // The listener closed (close() or shutdown); connections already accepted finish.
                }
            }
        }
        return LoopbackHTTPServer(port: channel.channel.localAddress?.port ?? port, channel: channel, serving: serving)
    }

    /// Stops accepting connections, ends open (keep-alive) ones, and waits for all to finish.
    public func close() async {
        try? await channel.channel.close()
        serving.cancel()
        await serving.value
    }

    private static func serve(_ connection: Connection, _ handler: Handler) async {
        try? await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            var body = ByteBuffer()
            for try await part in inbound {
                switch part {
                case .head(let received):
                    head = received
                    body.clear()
                case .body(var chunk):
                    body.writeBuffer(&chunk)
                case .end:
                    guard let request = head else { continue }
                    let path = String(request.uri.split(separator: "?", maxSplits: 1).first ?? "")
                    let response = await handler(Request(
                        method: request.method.rawValue, path: path, body: String(buffer: body)))
                    var headers = HTTPHeaders()
                    headers.add(name: "Content-Type", value: response.contentType)
                    headers.add(name: "Content-Length", value: "\(response.body.utf8.count)")
                    let status = HTTPResponseStatus(statusCode: response.status)
                    try await outbound.write(.head(HTTPResponseHead(version: request.version, status: status,
                                                                    headers: headers)))
                    try await outbound.write(.body(.byteBuffer(ByteBuffer(string: response.body))))
                    try await outbound.write(.end(nil))
                    if !request.isKeepAlive { return }
                }
            }
        }
    }
}
