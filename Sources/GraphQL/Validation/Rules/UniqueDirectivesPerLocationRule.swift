/// A non-repeatable directive appears at most once on each node.
/// Specification: [Directives Are Unique Per Location](https://spec.graphql.org/draft/#sec-Directives-Are-Unique-Per-Location).
public final class UniqueDirectivesPerLocationRule: ValidationRule {
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    private func check(_ directives: [Directive]) {
        guard directives.count > 1 else { return }
        var seen = [String: Directive]()
        for directive in directives {
            let name = directive.name.value
            guard let definition = context.schema.directives[name], !definition.isRepeatable else { continue }
            if let first = seen[name] {
                context.report(
                    "The directive \"@\(name)\" can only be used once at this location.", [first, directive])
            } else {
                seen[name] = directive
            }
        }
    }

    public func enter(_ node: OperationDefinition) { check(node.directives) }
    public func enter(_ node: VariableDefinition) { check(node.directives) }
    public func enter(_ node: Field) { check(node.directives) }
    public func enter(_ node: FragmentSpread) { check(node.directives) }
    public func enter(_ node: InlineFragment) { check(node.directives) }
    public func enter(_ node: FragmentDefinition) { check(node.directives) }
}
