/// Variables are of input types: scalars, enums, input objects, or lists and non-nulls of them.
/// Specification: [Variables Are Input Types](https://spec.graphql.org/draft/#sec-Variables-Are-Input-Types).
public final class VariablesAreInputTypesRule: ValidationRule {
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enter(_ node: VariableDefinition) {
        let type = TypeRef(node.type)
        guard let named = context.schema.type(of: type), !named.isInputType else { return }
        context.report(
            "Variable \"$\(node.variable.name.value)\" cannot be non-input type \"\(type)\".", [node.type])
    }
}
