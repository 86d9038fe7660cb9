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
        // Distinct keys in first-seen order; parents and rows refer to a key by its position.
        var keyOfParent = [Int](repeating: -1, count: states.count)
        var keys = [MariaDB.Value]()
        var positions = BatchKeyPositions(capacity: active.count)
        for index in active {
            do {
                let key = try plan.key.evaluate(in: states[index].evaluation)
                guard let canonical = BatchKey(key) else {
                    outputs[index] = .success(empty)
                    continue
                }
                let (position, inserted) = positions.insert(canonical)
                keyOfParent[index] = position
                if inserted { keys.append(PipelineRunner.bind(key)) }
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
        // `many` gathers every row of a key; `one` keeps a key's first row and needs no list.
        let many = sql.returns == .many
        var rowsOfKey = [[GraphQLValue]](repeating: [], count: many ? keys.count : 0)
        var firstOfKey = [GraphQLValue?](repeating: nil, count: many ? 0 : keys.count)
        var failures = [Int: GraphQLError]()
        var start = 0
        while start < keys.count {
            let chunk = Array(keys[start..<min(start + KeyedStatements.maximumKeys, keys.count)])
            start += chunk.count
            let bucket = statements.bucket(for: chunk.count)
            var binds = [MariaDB.Value]()
            binds.reserveCapacity(bucket.size + shared.count + 1)
            var sharedValues = shared.makeIterator()
            for name in statements.parameterNames {
                if name == "keys" {
                    binds += chunk
                    binds += repeatElement(chunk[chunk.count - 1], count: bucket.size - chunk.count)
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
            // Each row's key first, so every parent's list is allocated once at its final size.
            var keyOfRow = [Int](repeating: -1, count: result.rows.count)
            var counts = [Int](repeating: 0, count: many ? keys.count : 0)
            for (index, row) in result.rows.enumerated() {
                guard let key = BatchKey(row.values[column]), let position = positions.position(of: key) else {
                    continue
                }
                keyOfRow[index] = position
                if many { counts[position] += 1 }
            }
            for position in counts.indices where counts[position] > 0 {
                rowsOfKey[position].reserveCapacity(rowsOfKey[position].count + counts[position])
            }
            let visible = result.columns.filter { $0.name != "sluice_rank" }
            let shape = sql.conversion.shape(visible)
            let table = sql.conversion.table(result.rows, shape: shape)
            for (index, row) in result.rows.enumerated() where keyOfRow[index] >= 0 {
                let position = keyOfRow[index]
                if let error = sql.conversion.failure(in: row, shape: shape) {
                    let item = many ? rowsOfKey[position].count : nil
                    failures[position] = failure.conversion(error, step: step, index: item)
                    continue
                }
                let record = GraphQLValue.record(Record(table: table, row: index))
                if many {
                    rowsOfKey[position].append(record)
                } else if firstOfKey[position] == nil {
                    firstOfKey[position] = record
                }
            }
        }
        for index in active where outputs[index] == nil {
            let position = keyOfParent[index]
            if let error = failures[position] {
                outputs[index] = .failure(error)
                continue
            }
            if many {
                outputs[index] = .success(.list(position >= 0 ? rowsOfKey[position] : []))
            } else {
                outputs[index] = .success(position >= 0 ? firstOfKey[position] ?? .null : .null)
            }
        }
        return outputs
    }

    private func fail(_ active: [Int], _ error: GraphQLError) -> [Result<GraphQLValue, GraphQLError>?] {
        var outputs = [Result<GraphQLValue, GraphQLError>?](repeating: nil, count: (active.last ?? -1) + 1)
        for index in active { outputs[index] = .failure(error) }
        return outputs
    }
}
