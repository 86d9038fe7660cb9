/// Rejects operations with more aliased fields than `OperationLimits.maxAliases`, a cheap way to
/// multiply work without nesting.
public final class MaxAliasesRule: ValidationRule {
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enter(_ node: OperationDefinition) {
        guard let limit = context.limits.maxAliases else { return }
        let aliases = context.shapeOfCurrentOperation(node).aliases
        guard aliases > limit else { return }
        context.report(
            "\(ValidationContext.label(node)) has \(aliases) aliases, which exceeds the limit of \(limit).", [node],
            extensions: ["code": "MAX_ALIASES_LIMIT", "aliases": .int(aliases), "limit": .int(limit)])
    }
}
