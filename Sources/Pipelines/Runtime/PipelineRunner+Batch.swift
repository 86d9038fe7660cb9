import GraphQL
import MariaDB

extension PipelineRunner {
    /// Runs a batched step once for all active parents: their distinct keys fill `IN (:keys)`,
    /// rows are routed back to parents by the batch column, in row order. No keys, no statement.
    func runBatch(_ sql: SQLStep, step: CompiledStep, active: [Int], states: [ParentState],
                  session: SQLSession) async -> [Result<GraphQLValue, GraphQLError>?] {
        var outputs = [Result<GraphQLValue, GraphQLError>?](repeating: nil, count: states.count)
        guard let plan = sql.batch, let first = active.first else { return outputs }
        let empty: GraphQLValue = sql.returns == .many ? .list([]) : .null
        var keyOfParent = [BatchKey?](repeating: nil, count: states.count)
        var keys = [MariaDB.Value]()
        var seen = Set<BatchKey>()
        for index in active {
            do {
                let key = try plan.key.evaluate(in: states[index].evaluation)
                guard let canonical = BatchKey(key) else {
                    outputs[index] = .success(empty)
                    continue
                }
                keyOfParent[index] = canonical
                if seen.insert(canonical).inserted { keys.append(PipelineRunner.bind(key)) }
            } catch {
                outputs[index] = .failure(failure.evaluation(error, step: step))
            }
        }
        guard !keys.isEmpty else { return outputs }
        // The other placeholders and the limit are the same for every parent of the level.
        var shared = [MariaDB.Value]()
        var limit: Int?
        do {
            let evaluation = states[first].evaluation
            for bind in sql.binds { shared.append(PipelineRunner.bind(try bind.evaluate(in: evaluation))) }
            if let expression = plan.limit {
                switch try expression.evaluate(in: evaluation) {
                case .null: limit = nil
                case .int(let number): limit = max(0, number)
                case let other:
                    return fail(active, failure.error("EXPRESSION_FAILED", "batch.limit must be an integer, not \(other)",
                                                      step: step))
                }
            }
        } catch {
            return fail(active, failure.evaluation(error, step: step))
        }
        let statements = limit == nil ? plan.statements : (plan.limited ?? plan.statements)
        var rowsByKey = [BatchKey: [GraphQLValue]](minimumCapacity: keys.count)
        var start = 0
        while start < keys.count {
            let chunk = Array(keys[start..<min(start + KeyedStatements.maximumKeys, keys.count)])
            start += chunk.count
            let bucket = statements.bucket(for: chunk.count)
            var binds = [MariaDB.Value]()
            var sharedValues = shared.makeIterator()
            for name in statements.parameterNames {
                if name == "keys" {
                    binds += chunk + Array(repeating: chunk[chunk.count - 1], count: bucket.size - chunk.count)
                } else if let value = sharedValues.next() {
                    binds.append(value)
                }
            }
            if let limit, plan.limited != nil { binds.append(.int(Int64(limit))) }
            let result: QueryResult
            switch await statement(bucket.text, binds, sql: sql, step: step, session: session) {
            case .success(let value): result = value
            case .failure(let error): return fail(active, error)
            }
            guard let column = result.columns.firstIndex(where: { $0.name == plan.column }) else {
                if context.dryRun { continue }
                return fail(active, failure.error("INVALID_RESULT", "the batched statement returns no column "
                                                  + "'\(plan.column)' to route rows by", step: step))
            }
            let visible = result.columns.filter { $0.name != "sluice_rank" }
            let shape = sql.conversion.shape(visible)
            for row in result.rows {
                guard let key = BatchKey(row.values[column]) else { continue }
                switch sql.conversion.object(row, shape: shape) {
                case .success(let value): rowsByKey[key, default: []].append(value)
                case .failure(let error):
                    for index in active where keyOfParent[index] == key {
                        let position = sql.returns == .many ? rowsByKey[key]?.count ?? 0 : nil
                        outputs[index] = .failure(failure.conversion(error, step: step, index: position))
                    }
                }
            }
        }
        for index in active where outputs[index] == nil {
            let rows = keyOfParent[index].flatMap { rowsByKey[$0] } ?? []
            outputs[index] = .success(sql.returns == .many ? .list(rows) : (rows.first ?? .null))
        }
        return outputs
    }

    private func fail(_ active: [Int], _ error: GraphQLError) -> [Result<GraphQLValue, GraphQLError>?] {
        var outputs = [Result<GraphQLValue, GraphQLError>?](repeating: nil, count: (active.last ?? -1) + 1)
        for index in active { outputs[index] = .failure(error) }
        return outputs
    }
}
