/// Fragments apply to objects, interfaces or unions, never to scalars, enums or input objects.
/// Specification: [Fragments On Composite Types](https://spec.graphql.org/draft/#sec-Fragments-On-Composite-Types).
public final class FragmentsOnCompositeTypesRule: ValidationRule {
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enter(_ node: InlineFragment) {
        guard let condition = node.typeCondition, let type = context.schema.types[condition.name.value],
            !type.isComposite
        else { return }
        context.report("Fragment cannot condition on non composite type \"\(type.name)\".", [condition])
    }

    public func enter(_ node: FragmentDefinition) {
        guard let type = context.schema.types[node.typeCondition.name.value], !type.isComposite else { return }
        context.report(
            "Fragment \"\(node.name.value)\" cannot condition on non composite type \"\(type.name)\".",
            [node.typeCondition])
    }
}
