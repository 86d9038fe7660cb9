import GraphQL

/// What one request may cost before any resolver runs. Defaults follow the security reference
/// (graphql-armor, Apollo Router and AppSync anchors); `nil` switches a limit off.
public struct RequestLimits: Sendable, Hashable {
    /// Request body bytes; more is 413.
    public var maxBodyBytes: Int
    /// Unicode scalars in the query text.
    public var maxCharacters: Int?
    /// Lexical tokens; the parser stops as soon as it passes the limit.
    public var maxTokens: Int?
    /// Nesting the parser accepts (selection sets, values, list types).
    public var maxParserDepth: Int
    public var maxDepth: Int?
    public var maxAliases: Int?
    public var maxRootFields: Int?
    /// Directives in the whole operation, fragments expanded.
    public var maxDirectives: Int?
    /// Directives on one field.
    public var maxDirectivesPerField: Int?
    /// Field selections after fragment expansion.
    public var maxFields: Int?
    public var maxCost: Int?
    /// Errors in one response; the rest collapse into one summary error.
    public var maxErrors: Int
    /// Wall time for one request; resolvers see it as the context's deadline.
    public var timeout: Duration

    public init(
        maxBodyBytes: Int = 1 << 20, maxCharacters: Int? = 15_000, maxTokens: Int? = 2_000, maxParserDepth: Int = 128,
        maxDepth: Int? = 10, maxAliases: Int? = 15, maxRootFields: Int? = 10, maxDirectives: Int? = 20,
        maxDirectivesPerField: Int? = 5, maxFields: Int? = 200, maxCost: Int? = 5_000, maxErrors: Int = 50,
        timeout: Duration = .seconds(10)
    ) {
        self.maxBodyBytes = maxBodyBytes
        self.maxCharacters = maxCharacters
        self.maxTokens = maxTokens
        self.maxParserDepth = maxParserDepth
        self.maxDepth = maxDepth
        self.maxAliases = maxAliases
        self.maxRootFields = maxRootFields
        self.maxDirectives = maxDirectives
        self.maxDirectivesPerField = maxDirectivesPerField
        self.maxFields = maxFields
        self.maxCost = maxCost
        self.maxErrors = maxErrors
        self.timeout = timeout
    }

    /// The limits the validator enforces as rules.
    public var operationLimits: OperationLimits {
        OperationLimits(
            maxDepth: maxDepth, maxAliases: maxAliases, maxRootFields: maxRootFields,
            maxDirectivesPerField: maxDirectivesPerField, maxCost: maxCost)
    }

    public var parseOptions: ParseOptions {
        ParseOptions(maxTokens: maxTokens, maxDepth: maxParserDepth)
    }

    /// No limits beyond the parser's depth guard: for trusted callers and tests of other parts.
    public static let unlimited = RequestLimits(
        maxBodyBytes: 64 << 20, maxCharacters: nil, maxTokens: nil, maxParserDepth: 200, maxDepth: nil, maxAliases: nil,
        maxRootFields: nil, maxDirectives: nil, maxDirectivesPerField: nil, maxFields: nil, maxCost: nil,
        maxErrors: 1_000, timeout: .seconds(60))
}
