import GraphQL

/// Everything `sluice serve` and the tests decide about the HTTP edge, as one immutable value.
///
/// Defaults are the production-safe ones from the project's security reference: limits on,
/// introspection and the explorer off, batching refused, anonymous access allowed only because
/// no credentials are configured (configure `auth` to require them).
public struct GatewayConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The one URL the schema is served at.
    public var path: String
    public var statusProfile: StatusProfile
    public var limits: RequestLimits
    /// `nil` refuses array bodies; otherwise the most entries one batch may hold.
    public var maxBatchSize: Int?
    public var introspection: Bool
    /// Serve the explorer page to browsers on GET `path`.
    public var explorer: Bool
    public var persistedQueries: PersistedQueryConfiguration
    public var auth: AuthConfiguration
    /// The value every resolver's parent chain starts from (mock mode serves a JSON root value).
    public var rootValue: GraphQLValueBox
    /// Answer 503 with `Retry-After`, before execution, when a pool has no free connection and
    /// this many requests already wait for one (0: as soon as the pool is exhausted). `nil` allows
    /// `defaultWaitersPerConnection` waiters per pooled connection: a request queued behind that
    /// many rounds of the pool would be better retried than left to wait.
    public var maxPoolWaiters: Int?
    public static let defaultWaitersPerConnection = 4
    /// Seconds advertised in `Retry-After` on a 503.
    public var retryAfterSeconds: Int
    /// Add `extensions.timing` to responses whose request asks with `extensions.timing: true`.
    /// Off by default: timings help an attacker probe, so enable it where callers are trusted.
    public var timing: Bool

    public init(
        host: String = "127.0.0.1", port: Int = 8080, path: String = "/graphql", statusProfile: StatusProfile = .audit,
        limits: RequestLimits = RequestLimits(), maxBatchSize: Int? = nil, introspection: Bool = false,
        explorer: Bool = false, persistedQueries: PersistedQueryConfiguration = PersistedQueryConfiguration(),
        auth: AuthConfiguration = AuthConfiguration(), rootValue: GraphQLValueBox = GraphQLValueBox(.object([:])),
        maxPoolWaiters: Int? = nil, retryAfterSeconds: Int = 1, timing: Bool = false
    ) {
        self.timing = timing
        self.host = host
        self.port = port
        self.path = path
        self.statusProfile = statusProfile
        self.limits = limits
        self.maxBatchSize = maxBatchSize
        self.introspection = introspection
        self.explorer = explorer
        self.persistedQueries = persistedQueries
        self.auth = auth
        self.rootValue = rootValue
        self.maxPoolWaiters = maxPoolWaiters
        self.retryAfterSeconds = retryAfterSeconds
    }
}

/// Automatic persisted queries: clients send a hash, and the query text only on a miss.
public struct PersistedQueryConfiguration: Sendable {
    public var enabled: Bool
    /// The store forgets least recently used queries past this many bytes of query text.
    public var maxBytes: Int

    public init(enabled: Bool = true, maxBytes: Int = 8 << 20) {
        self.enabled = enabled
        self.maxBytes = maxBytes
    }
}
