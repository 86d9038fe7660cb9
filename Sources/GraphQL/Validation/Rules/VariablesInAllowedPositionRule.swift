/// Every variable is used only where its type fits, a nullable variable in a non-null position
/// only when either has a default, and never a nullable one for a field of a `@oneOf` input object.
/// Specification: [All Variable Usages Are Allowed](https://spec.graphql.org/draft/#sec-All-Variable-Usages-are-Allowed).
public final class VariablesInAllowedPositionRule: ValidationRule {
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func leave(_ node: Document) {
        let schema = context.schema
        for (index, operation) in context.operations.enumerated() {
            var definitions = [String: VariableDefinition]()
            for definition in operation.variableDefinitions where definitions[definition.variable.name.value] == nil {
                definitions[definition.variable.name.value] = definition
            }
            for usage in context.recursiveVariableUsages(ofOperation: index) {
                guard let locationType = usage.type, let definition = definitions[usage.node.name.value] else {
                    continue
                }
                let variableType = TypeRef(definition.type)
                guard schema.type(of: variableType) != nil else { continue }
                if !Self.isAllowed(variableType, definition.defaultValue, locationType, usage.hasDefaultValue, schema) {
                    context.report(
                        "Variable \"$\(usage.node.name.value)\" of type \"\(variableType)\" used in position expecting "
                            + "type \"\(locationType)\".", [definition, usage.node])
                } else if let oneOf = usage.oneOfParent, !variableType.isNonNull {
                    context.report(
                        "Variable \"$\(usage.node.name.value)\" is of type \"\(variableType)\" but must be non-nullable "
                            + "to be used for OneOf Input Object \"\(oneOf)\".", [definition, usage.node])
                }
            }
        }
    }

    private static func isAllowed(
        _ variableType: TypeRef, _ variableDefault: Value?, _ locationType: TypeRef, _ locationHasDefault: Bool,
        _ schema: Schema
    ) -> Bool {
        if case .nonNull(let nullableLocation) = locationType, !variableType.isNonNull {
            let hasNonNullDefault = variableDefault.map { if case .null = $0 { false } else { true } } ?? false
            guard hasNonNullDefault || locationHasDefault else { return false }
            return variableType.isSubtype(of: nullableLocation, in: schema)
        }
        return variableType.isSubtype(of: locationType, in: schema)
    }
}
