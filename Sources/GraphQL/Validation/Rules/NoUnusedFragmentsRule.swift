/// Every fragment is used by some operation.
/// Specification: [Fragments Must Be Used](https://spec.graphql.org/draft/#sec-Fragments-Must-Be-Used).
public final class NoUnusedFragmentsRule: ValidationRule {
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func leave(_ node: Document) {
        var used = Set<String>()
        for index in context.operations.indices {
            for fragment in context.recursivelyReferencedFragments(ofOperation: index) {
                used.insert(fragment.name.value)
            }
        }
        for definition in node.definitions {
            guard case .fragment(let fragment) = definition, !used.contains(fragment.name.value) else { continue }
            context.report("Fragment \"\(fragment.name.value)\" is never used.", [fragment])
        }
    }
}
