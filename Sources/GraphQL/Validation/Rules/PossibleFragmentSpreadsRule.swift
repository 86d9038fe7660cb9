/// A fragment is spread only where its type and the parent type can have a value in common.
/// Specification: [Fragment Spread Is Possible](https://spec.graphql.org/draft/#sec-Fragment-spread-is-possible).
public final class PossibleFragmentSpreadsRule: ValidationRule {
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enter(_ node: InlineFragment) {
        guard let condition = node.typeCondition, let fragmentType = context.schema.types[condition.name.value],
            fragmentType.isComposite, let parent = context.parentType, !context.schema.overlap(fragmentType, parent)
        else { return }
        context.report(
            "Fragment cannot be spread here as objects of type \"\(parent.name)\" can never be of type "
                + "\"\(fragmentType.name)\".", [node])
    }

    public func enter(_ node: FragmentSpread) {
        guard let fragment = context.fragments[node.name.value],
            let fragmentType = context.schema.types[fragment.typeCondition.name.value], fragmentType.isComposite,
            let parent = context.parentType, !context.schema.overlap(fragmentType, parent)
        else { return }
        context.report(
            "Fragment \"\(node.name.value)\" cannot be spread here as objects of type \"\(parent.name)\" can never be "
                + "of type \"\(fragmentType.name)\".", [node])
    }
}
