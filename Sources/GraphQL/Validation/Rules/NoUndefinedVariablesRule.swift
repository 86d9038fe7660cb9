/// Every variable used, in the operation or the fragments it spreads, is defined by the operation.
/// Specification: [All Variable Uses Defined](https://spec.graphql.org/draft/#sec-All-Variable-Uses-Defined).
public final class NoUndefinedVariablesRule: ValidationRule {
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func leave(_ node: Document) {
        for (index, operation) in context.operations.enumerated() {
            let defined = Set(operation.variableDefinitions.map(\.variable.name.value))
            for usage in context.recursiveVariableUsages(ofOperation: index)
            where !defined.contains(usage.node.name.value) {
                let name = usage.node.name.value
                let message =
                    operation.name.map { "Variable \"$\(name)\" is not defined by operation \"\($0.value)\"." }
                    ?? "Variable \"$\(name)\" is not defined."
                context.report(message, [usage.node, operation])
            }
        }
    }
}
