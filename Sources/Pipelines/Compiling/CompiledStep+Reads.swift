import GraphQL

extension CompiledStep {
    /// The expressions the step itself evaluates (those of the steps inside a transaction are theirs).
    var expressions: [CompiledExpression] {
        var result = [condition, returning].compactMap { $0 }
        switch action {
        case .sql(let sql):
            result += sql.binds
            if let batch = sql.batch { result += [batch.key, batch.limit].compactMap { $0 } }
        case .guard(let rule):
            result.append(rule.condition)
        case .transform(let template):
            result += template.expressions
        case .enqueue(let enqueue):
            result += enqueue.payload.expressions + [enqueue.delay].compactMap { $0 }
        case .validate, .value, .transaction, .none:
            break
        }
        return result
    }

    /// The first path under `root` the step or a step inside it reads (`identity.sub`), with the
    /// index of the step that reads it (`3.1` inside a transaction).
    func firstRead(of root: String) -> (step: String, path: String)? {
        for expression in expressions {
            if let path = expression.expression.paths.first(where: { $0.root == root }) {
                return (index, ([path.root] + path.keys).joined(separator: "."))
            }
        }
        for step in children {
            if let read = step.firstRead(of: root) { return read }
        }
        return nil
    }

    /// What the step writes when it runs, or `nil` for a step that only reads.
    var writes: String? {
        switch action {
        case .sql(let sql) where !sql.isRead: "runs a statement that writes"
        case .enqueue(let enqueue): "enqueues a message on \(enqueue.queue)"
        default: nil
        }
    }
}

extension ValueTemplate {
    /// Every expression the template evaluates.
    var expressions: [CompiledExpression] {
        switch self {
        case .expression(let expression): [expression]
        case .object(let fields): fields.flatMap(\.value.expressions)
        case .list(let items): items.flatMap(\.expressions)
        }
    }
}
