/// Rejects a field carrying more directives than `OperationLimits.maxDirectivesPerField`.
public final class MaxDirectivesRule: ValidationRule {
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enter(_ node: Field) {
        guard let limit = context.limits.maxDirectivesPerField, node.directives.count > limit else { return }
        context.report(
            "Field \"\(node.responseKey)\" has \(node.directives.count) directives, which exceeds the limit of \(limit).",
            [node],
            extensions: [
                "code": "MAX_DIRECTIVES_LIMIT", "directives": .int(node.directives.count), "limit": .int(limit),
            ])
    }
}
