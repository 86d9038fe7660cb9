/// Each fragment has a name of its own.
/// Specification: [Fragment Name Uniqueness](https://spec.graphql.org/draft/#sec-Fragment-Name-Uniqueness).
final class UniqueFragmentNamesRule: ValidationRule {
    private let context: ValidationContext
    private var known = [String: Name]()

    init(context: ValidationContext) { self.context = context }

    func enter(_ node: FragmentDefinition) {
        let name = node.name
        if let first = known[name.value] {
            context.report("There can be only one fragment named \"\(name.value)\".", [first, name])
        } else {
            known[name.value] = name
        }
    }
}
