/// Every spread names a fragment the document defines.
/// Specification: [Fragment Spread Target Defined](https://spec.graphql.org/draft/#sec-Fragment-spread-target-defined).
public final class KnownFragmentNamesRule: ValidationRule {
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enter(_ node: FragmentSpread) {
        if context.fragments[node.name.value] == nil {
            context.report("Unknown fragment \"\(node.name.value)\".", [node.name])
        }
    }
}
