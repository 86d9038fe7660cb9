/// Limits on an operation's shape and estimated cost, checked as extra validation rules. Every
/// limit is off (`nil`) by default; the gateway turns them on from `sluice.yaml`.
public struct OperationLimits: Sendable, Hashable {
    /// The deepest nesting of fields (a root field has depth 1; fragments count where spread).
    public var maxDepth: Int?
    /// The most aliased fields in one operation.
    public var maxAliases: Int?
    /// The most root fields in one operation (after fragments are flattened).
    public var maxRootFields: Int?
    /// The most directives on any single field.
    public var maxDirectivesPerField: Int?
    /// The highest estimated cost: every field costs 1, times the sizes of the lists around it.
    public var maxCost: Int?
    /// The list size assumed when a list field has no `first`/`limit` argument.
    public var defaultListSize: Int

    public init(
        maxDepth: Int? = nil, maxAliases: Int? = nil, maxRootFields: Int? = nil, maxDirectivesPerField: Int? = nil,
        maxCost: Int? = nil, defaultListSize: Int = 10
    ) {
        self.maxDepth = maxDepth
        self.maxAliases = maxAliases
        self.maxRootFields = maxRootFields
        self.maxDirectivesPerField = maxDirectivesPerField
        self.maxCost = maxCost
        self.defaultListSize = defaultListSize
    }

    /// No limits.
    public static let none = OperationLimits()
}
