/// An input object value gives each field once.
/// Specification: [Input Object Field Uniqueness](https://spec.graphql.org/draft/#sec-Input-Object-Field-Uniqueness).
public final class UniqueInputFieldNamesRule: ValidationRule {
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enter(_ node: Value) {
        guard case .object(let object) = node, object.fields.count > 1 else { return }
        var known = [String: Name]()
        for field in object.fields {
            if let first = known[field.name.value] {
                context.report("There can be only one input field named \"\(field.name.value)\".", [first, field.name])
            } else {
                known[field.name.value] = field.name
            }
        }
    }
}
