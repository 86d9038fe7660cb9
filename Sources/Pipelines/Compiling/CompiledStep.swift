import GraphQL

/// One step of a compiled pipeline: what it does, when it runs, and where it was written.
public struct CompiledStep: Sendable {
    public enum Kind: String, Sendable, Hashable {
        case sql, `guard`, validate, transform, value, transaction, enqueue, `return`
    }

    /// The step's position: `"2"`, or `"3.1"` for the first step inside the third.
    public let index: String
    public let kind: Kind
    public let location: FileLocation
    /// Skips the step unless this is true.
    let condition: CompiledExpression?
    /// Ends the pipeline after the step with this value.
    let returning: CompiledExpression?
    /// Stores the step's output in the stash under this name.
    let storeAs: String?
    let action: Action

    enum Action: Sendable {
        case sql(SQLStep)
        case `guard`(GuardStep)
        case validate([ArgumentRule])
        case transform(ValueTemplate)
        case value(GraphQLValue)
        case transaction(TransactionStep)
        case enqueue(EnqueueStep)
        /// A step that only carries `return`.
        case none
    }

    /// The SQL step, when this is one (for checks and traces).
    public var sql: SQLStep? {
        if case .sql(let step) = action { return step }
        return nil
    }

    /// The steps a transaction groups, or none.
    public var children: [CompiledStep] {
        if case .transaction(let transaction) = action { return transaction.steps }
        return []
    }
}

/// A condition that stops the pipeline with a field error when false.
struct GuardStep: Sendable {
    let condition: CompiledExpression
    let code: String
    let message: String
}

/// Steps run on one connection in one transaction: all of their writes commit, or none do.
struct TransactionStep: Sendable {
    let dataSource: String
    let steps: [CompiledStep]
}

/// A message written to the table queue, in the current transaction when there is one.
struct EnqueueStep: Sendable {
    let queue: String
    let payload: ValueTemplate
    /// Seconds from now before the message may be taken.
    let delay: CompiledExpression?
    let maxAttempts: Int
    let dataSource: String
}

/// A value built from expressions: an object, a list, or one expression.
indirect enum ValueTemplate: Sendable {
    case expression(CompiledExpression)
    case object([(key: String, value: ValueTemplate)])
    case list([ValueTemplate])

    func evaluate(in context: EvaluationContext) throws(EvaluationError) -> GraphQLValue {
        switch self {
        case .expression(let expression):
            return try expression.evaluate(in: context)
        case .object(let fields):
            var object = [String: GraphQLValue](minimumCapacity: fields.count)
            for field in fields { object[field.key] = try field.value.evaluate(in: context) }
            return .object(object)
        case .list(let items):
            var values = [GraphQLValue]()
            for item in items { values.append(try item.evaluate(in: context)) }
            return .list(values)
        }
    }

    /// Whether the template builds a list, an object, or cannot be told (an expression).
    var shape: Shape {
        switch self {
        case .expression: .unknown
        case .object: .object
        case .list: .list
        }
    }

    enum Shape {
        case object, list, unknown
    }
}
