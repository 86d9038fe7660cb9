import NIOCore
import NIOPosix

/// One short-lived connection to Redis: a poll opens it, sends its read-only commands in turn,
/// and closes it. No pool, no pipelining: a poll sends a few dozen commands a minute.
public struct RedisConnection: ~Copyable {
    private var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var buffer = ByteBuffer()
    private let parser = RESPParser()

    /// Connects, authenticates and selects the database, runs `body`, then closes.
    public static func with<Result: Sendable>(
        _ endpoint: RedisEndpoint, timeout: Duration = .seconds(5),
        _ body: (inout RedisConnection) async throws -> Result
    ) async throws -> Result {
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.init(timeout))
                .connect(host: endpoint.host, port: endpoint.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw QueueSourceError(.unreachable, "\(endpoint): \(error)")
        }
        return try await channel.executeThenClose { inbound, outbound in
            var connection = RedisConnection(inbound: inbound.makeAsyncIterator(), outbound: outbound)
            if let password = endpoint.password { _ = try await connection.send(["AUTH", password], echo: false) }
            if endpoint.database != 0 { _ = try await connection.send(["SELECT", String(endpoint.database)]) }
            return try await body(&connection)
        }
    }

    private init(inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator,
                 outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) {
        self.inbound = inbound
        self.outbound = outbound
    }

    /// Sends one command and waits for its reply; a Redis error reply throws `rejected`.
    /// `echo: false` keeps the command's words (a password) out of the error.
    public mutating func send(_ words: [String], echo: Bool = true) async throws -> RESPValue {
        var request = ByteBuffer()
        RESPValue.command(words, into: &request)
        do {
            try await outbound.write(request)
        } catch {
            throw QueueSourceError(.unreachable, "write failed: \(error)")
        }
        while true {
            let reply: RESPValue?
            do {
                reply = try parser.next(&buffer)
            } catch {
                throw QueueSourceError(.malformed, "\(error)")
            }
            if let reply {
                if case .error(let message) = reply {
                    let command = echo ? words.joined(separator: " ") : words.first ?? ""
                    throw QueueSourceError(.rejected, "\(command): \(message)")
                }
                return reply
            }
            let chunk: ByteBuffer?
            do {
                chunk = try await inbound.next()
            } catch {
                throw QueueSourceError(.unreachable, "read failed: \(error)")
            }
            guard var chunk else { throw QueueSourceError(.unreachable, "connection closed by the server") }
            buffer.writeBuffer(&chunk)
        }
    }
}
