/// Rejects operations nested deeper than `OperationLimits.maxDepth` (fragments count where spread).
public final class MaxDepthRule: ValidationRule {
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enter(_ node: OperationDefinition) {
        guard let limit = context.limits.maxDepth else { return }
        let depth = context.shapeOfCurrentOperation(node).depth
        guard depth > limit else { return }
        context.report(
            "\(ValidationContext.label(node)) has a depth of \(depth), which exceeds the limit of \(limit).", [node],
            extensions: ["code": "MAX_DEPTH_LIMIT", "depth": .int(depth), "limit": .int(limit)])
    }
}
