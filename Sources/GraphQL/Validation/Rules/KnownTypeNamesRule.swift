/// Every type named in a variable definition or type condition exists in the schema.
/// Specification: [Fragment Spread Type Existence](https://spec.graphql.org/draft/#sec-Fragment-Spread-Type-Existence)
/// and [Variables Are Input Types](https://spec.graphql.org/draft/#sec-Variables-Are-Input-Types).
public final class KnownTypeNamesRule: ValidationRule {
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enter(_ node: NamedType) {
        let name = node.name.value
        guard context.schema.types[name] == nil else { return }
        let hint = Suggestions.didYouMean(Suggestions.list(for: name, from: context.schema.types.names))
        context.report("Unknown type \"\(name)\".\(hint)", [node])
    }
}
