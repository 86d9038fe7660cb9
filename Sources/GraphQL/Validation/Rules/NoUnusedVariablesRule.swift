/// Every variable an operation defines is used, in it or in the fragments it spreads.
/// Specification: [All Variables Used](https://spec.graphql.org/draft/#sec-All-Variables-Used).
public final class NoUnusedVariablesRule: ValidationRule {
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func leave(_ node: Document) {
        for (index, operation) in context.operations.enumerated() {
            let used = Set(context.recursiveVariableUsages(ofOperation: index).map(\.node.name.value))
            for definition in operation.variableDefinitions where !used.contains(definition.variable.name.value) {
                let name = definition.variable.name.value
                let message =
                    operation.name.map { "Variable \"$\(name)\" is never used in operation \"\($0.value)\"." }
                    ?? "Variable \"$\(name)\" is never used."
                context.report(message, [definition])
            }
        }
    }
}
