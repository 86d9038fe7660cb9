/// Limits that keep a hostile document from costing more than parsing a reasonable one.
/// Both are checked while parsing, so an oversized document fails early with a syntax error
/// instead of exhausting time, memory or the stack.
public struct ParseOptions: Sendable, Hashable {
    /// The most tokens a document may have (`nil`: no limit). Requests should keep a limit;
    /// a schema loaded from trusted files may lift it.
    public var maxTokens: Int?
    /// The deepest nesting of selection sets, list and object values, and list types.
    public var maxDepth: Int

    public init(maxTokens: Int? = 15_000, maxDepth: Int = 200) {
        self.maxTokens = maxTokens
        self.maxDepth = maxDepth
    }

    /// No token limit, the default depth limit: for trusted schema files.
    public static let trusted = ParseOptions(maxTokens: nil)
}
