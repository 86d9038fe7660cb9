/// An anonymous operation must be the document's only operation.
/// Specification: [Lone Anonymous Operation](https://spec.graphql.org/draft/#sec-Lone-Anonymous-Operation).
public final class LoneAnonymousOperationRule: ValidationRule {
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enter(_ node: OperationDefinition) {
        if node.name == nil, context.operations.count > 1 {
            context.report("This anonymous operation must be the only defined operation.", [node])
        }
    }
}
