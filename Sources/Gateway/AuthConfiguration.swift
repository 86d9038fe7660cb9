import GraphQL

/// Who may call the gateway: API keys sent in a header, JWT bearer tokens, and whether a caller
/// with no credentials is let in (as the `null` identity).
public struct AuthConfiguration: Sendable {
    /// Header carrying an API key, lower-cased.
    public var apiKeyHeader: String
    public var apiKeys: [APIKey]
    public var jwt: JWTConfiguration?
    /// `nil`: anonymous callers are allowed exactly when no credentials are configured.
    public var allowAnonymous: Bool?

    public init(
        apiKeyHeader: String = "x-api-key", apiKeys: [APIKey] = [], jwt: JWTConfiguration? = nil,
        allowAnonymous: Bool? = nil
    ) {
        self.apiKeyHeader = apiKeyHeader.lowercased()
        self.apiKeys = apiKeys
        self.jwt = jwt
        self.allowAnonymous = allowAnonymous
    }

    var anonymousAllowed: Bool { allowAnonymous ?? (apiKeys.isEmpty && jwt == nil) }

    /// One API key and the identity its holder gets.
    public struct APIKey: Sendable {
        public var key: String
        public var identity: GraphQLValue

        public init(key: String, identity: GraphQLValue) {
            self.key = key
            self.identity = identity
        }
    }
}

/// JWT bearer tokens: the keys that may sign them and the claims they must carry.
public struct JWTConfiguration: Sendable {
    public var keys: [Key]
    /// The text of a JWKS document (`{"keys":[…]}`); every key in it needs `kid` and `alg`.
    public var jwks: String?
    /// Required `iss`, when set.
    public var issuer: String?
    /// Required member of `aud`, when set.
    public var audience: String?
    /// Tokens without `exp` are refused unless this is false.
    public var requireExpiration: Bool
    /// Clock skew tolerated on `exp` and `nbf`, in seconds.
    public var leeway: Int

    public init(
        keys: [Key] = [], jwks: String? = nil, issuer: String? = nil, audience: String? = nil,
        requireExpiration: Bool = true, leeway: Int = 0
    ) {
        self.keys = keys
        self.jwks = jwks
        self.issuer = issuer
        self.audience = audience
        self.requireExpiration = requireExpiration
        self.leeway = leeway
    }

    /// Algorithms a key may be bound to; a key verifies only tokens of its own algorithm.
    public enum Algorithm: String, Sendable, CaseIterable {
        case hs256 = "HS256"
        case rs256 = "RS256"
        case es256 = "ES256"
    }

    /// A configured key: a shared secret for HS256, a PEM public key for RS256 and ES256.
    public struct Key: Sendable {
        /// Tokens naming another `kid` are refused; `nil` makes this the key for tokens without one.
        public var kid: String?
        public var algorithm: Algorithm
        public var material: String

        public init(kid: String?, algorithm: Algorithm, material: String) {
            self.kid = kid
            self.algorithm = algorithm
            self.material = material
        }
    }
}
