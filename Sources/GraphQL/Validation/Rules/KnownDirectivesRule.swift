/// Every directive is defined by the schema and used where its definition allows.
/// Specification: [Directives Are Defined](https://spec.graphql.org/draft/#sec-Directives-Are-Defined) and
/// [Directives Are In Valid Locations](https://spec.graphql.org/draft/#sec-Directives-Are-In-Valid-Locations).
public final class KnownDirectivesRule: ValidationRule {
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enter(_ node: Directive, at location: DirectiveLocation) {
        guard let definition = context.schema.directives[node.name.value] else {
            context.report("Unknown directive \"@\(node.name.value)\".", [node])
            return
        }
        if !definition.locations.contains(location) {
            context.report("Directive \"@\(node.name.value)\" may not be used on \(location.rawValue).", [node])
        }
    }
}
