/// An operation defines each variable once.
/// Specification: [Variable Uniqueness](https://spec.graphql.org/draft/#sec-Variable-Uniqueness).
public final class UniqueVariableNamesRule: ValidationRule {
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enter(_ node: OperationDefinition) {
        var groups = [String: [Name]]()
        var order = [String]()
        for definition in node.variableDefinitions {
            let name = definition.variable.name
            if groups[name.value] == nil { order.append(name.value) }
            groups[name.value, default: []].append(name)
        }
        for name in order where groups[name]!.count > 1 {
            context.report("There can be only one variable named \"$\(name)\".", groups[name]!)
        }
    }
}
