/// Rejects operations selecting more root fields than `OperationLimits.maxRootFields`.
public final class MaxRootFieldsRule: ValidationRule {
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enter(_ node: OperationDefinition) {
        guard let limit = context.limits.maxRootFields else { return }
        let fields = context.shapeOfCurrentOperation(node).rootFields
        guard fields > limit else { return }
        context.report(
            "\(ValidationContext.label(node)) has \(fields) root fields, which exceeds the limit of \(limit).", [node],
            extensions: ["code": "MAX_ROOT_FIELDS_LIMIT", "rootFields": .int(fields), "limit": .int(limit)])
    }
}
