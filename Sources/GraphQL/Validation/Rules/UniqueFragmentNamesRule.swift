/// Each fragment has a name of its own.
/// Specification: [Fragment Name Uniqueness](https://spec.graphql.org/draft/#sec-Fragment-Name-Uniqueness).
public final class UniqueFragmentNamesRule: ValidationRule {
    private let context: ValidationContext
    private var known = [String: Name]()

    public init(context: ValidationContext) { self.context = context }

    public func enter(_ node: FragmentDefinition) {
        let name = node.name
        if let first = known[name.value] {
            context.report("There can be only one fragment named \"\(name.value)\".", [first, name])
        } else {
            known[name.value] = name
        }
    }
}
