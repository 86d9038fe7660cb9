/// Rejects operations whose estimated cost exceeds `OperationLimits.maxCost`: each field costs 1,
/// multiplied by the expected sizes of the lists it is nested in (`first`/`limit`, or a default).
public final class CostLimitRule: ValidationRule {
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enter(_ node: OperationDefinition) {
        guard let limit = context.limits.maxCost else { return }
        let cost = context.shapeOfCurrentOperation(node).cost
        guard cost > limit else { return }
        context.report(
            "\(ValidationContext.label(node)) has an estimated cost of \(cost), which exceeds the limit of \(limit).",
            [node], extensions: ["code": "COST_ESTIMATED_TOO_EXPENSIVE", "cost": .int(cost), "limit": .int(limit)])
    }
}
