import Foundation

/// Where a Redis server is: `redis://[:password@]host[:port][/db]`. The password never prints.
public struct RedisEndpoint: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var password: String?
    public var database: Int

    public init(host: String = "127.0.0.1", port: Int = 6379, password: String? = nil, database: Int = 0) {
        self.host = host
        self.port = port
        self.password = password
        self.database = database
    }

    public init(url: String) throws {
        guard let parts = URLComponents(string: url), parts.scheme == "redis", let host = parts.host, !host.isEmpty
        else { throw QueueSourceError(.malformed, "not a redis:// URL: \(Self.redacted(url))") }
        let path = parts.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        guard path.isEmpty || Int(path) != nil else {
            throw QueueSourceError(.malformed, "database must be a number in \(Self.redacted(url))")
        }
        self.init(host: host, port: parts.port ?? 6379, password: parts.password, database: Int(path) ?? 0)
    }

    public var description: String { "redis://\(host):\(port)/\(database)" }

    static func redacted(_ url: String) -> String {
        guard var parts = URLComponents(string: url), parts.password != nil else { return url }
        parts.password = "***"
        return parts.string ?? "redis://…"
    }
}
