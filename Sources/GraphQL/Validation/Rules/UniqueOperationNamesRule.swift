/// Each named operation has a name of its own.
/// Specification: [Operation Name Uniqueness](https://spec.graphql.org/draft/#sec-Operation-Name-Uniqueness).
public final class UniqueOperationNamesRule: ValidationRule {
    private let context: ValidationContext
    private var known = [String: Name]()

    public init(context: ValidationContext) { self.context = context }

    public func enter(_ node: OperationDefinition) {
        guard let name = node.name else { return }
        if let first = known[name.value] {
            context.report("There can be only one operation named \"\(name.value)\".", [first, name])
        } else {
            known[name.value] = name
        }
    }
}
