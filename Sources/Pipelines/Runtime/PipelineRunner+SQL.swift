import GraphQL
import MariaDB

extension PipelineRunner {
    /// Runs a statement for one parent and shapes its result as the step's `returns` says.
    func runSQL(_ sql: SQLStep, step: CompiledStep, state: ParentState, session: SQLSession) async
        -> Result<GraphQLValue, GraphQLError>
    {
        let binds: [MariaDB.Value]
        do {
            binds = try sql.binds.map { PipelineRunner.bind(try $0.evaluate(in: state.evaluation)) }
        } catch let error as EvaluationError {
            return .failure(failure.evaluation(error, step: step))
        } catch {
            return .failure(failure.error("INTERNAL_SERVER_ERROR", "\(error)", step: step))
        }
        let result: QueryResult
        switch await statement(sql.statement.text, binds, sql: sql, step: step, session: session) {
        case .success(let value): result = value
        case .failure(let error): return .failure(error)
        }
        return shape(result, sql: sql, step: step)
    }

    /// Runs one statement (or shows it, in a dry run) and reports it to the observer.
    func statement(_ text: String, _ binds: [MariaDB.Value], sql: SQLStep?, dataSource: String? = nil,
                   step: CompiledStep, session: SQLSession) async -> Result<QueryResult, GraphQLError> {
        let started = ContinuousClock.now
        let source = dataSource ?? sql?.dataSource ?? ProjectConfig.defaultDataSource
        let outcome: Result<QueryResult, GraphQLError>
        if context.dryRun {
            outcome = .success(QueryResult())
        } else {
            do {
                outcome = .success(try await session.execute(text, binds, dataSource: source,
                                                             isRead: sql?.isRead ?? false))
            } catch {
                outcome = .failure(failure.database(error, step: step, sql: text))
            }
        }
        if let observer = context.observer {
            let result = try? outcome.get()
            let errorText: String? = if case .failure(let error) = outcome { error.message } else { nil }
            observer.statementFinished(StatementTrace(
                pipeline: pipeline.name, step: step.index, dataSource: source, sql: text, binds: binds,
                rowCount: result?.rows.count ?? 0, affectedRows: result?.affectedRows ?? 0,
                rows: context.tracesSteps
                    ? result.map { Array($0.rows.prefix(StatementTrace.keptRows)).map(\.values) } ?? [] : [],
                columns: result?.columns.map(\.name) ?? [], duration: ContinuousClock.now - started,
                error: errorText, dryRun: context.dryRun, level: context.level))
        }
        return outcome
    }

    /// A result as one object, a list, a scalar, or `{ affectedRows, insertId }`.
    func shape(_ result: QueryResult, sql: SQLStep, step: CompiledStep) -> Result<GraphQLValue, GraphQLError> {
        switch sql.returns {
        case .exec:
            return .success(.object([
                "affectedRows": .int(Int(clamping: result.affectedRows)),
                "insertId": .int(Int(clamping: result.lastInsertID)),
            ]))
        case .scalar:
            guard let row = result.rows.first, !row.values.isEmpty else { return .success(.null) }
            switch sql.conversion.scalar.convert(row.values[0]) {
            case .success(let value): return .success(value)
            case .failure(let conversion):
                let error = RowConversionError(field: nil, column: row.columns[0].name, failure: conversion,
                                               typeName: sql.conversion.typeName)
                return .failure(failure.conversion(error, step: step, index: nil))
            }
        case .one, .many:
            let shape = sql.conversion.shape(result.columns)
            let count = sql.returns == .one ? min(result.rows.count, 1) : result.rows.count
            for index in 0..<count {
                if let error = sql.conversion.failure(in: result.rows[index], shape: shape) {
                    return .failure(failure.conversion(error, step: step, index: sql.returns == .many ? index : nil))
                }
            }
            let table = sql.conversion.table(result.rows, shape: shape)
            if sql.returns == .one { return .success(count == 0 ? .null : .record(Record(table: table, row: 0))) }
            return .success(.list((0..<count).map { .record(Record(table: table, row: $0)) }))
        }
    }

    /// A GraphQL value as a bound parameter: lists and objects travel as JSON text.
    static func bind(_ value: GraphQLValue) -> MariaDB.Value {
        switch value {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(Int64(number))
        case .float(let number): .double(number)
        case .string(let text): .string(text)
        case .list, .object, .record: .string(JSONText.encode(value))
        }
    }

    /// Writes one message to the table queue on the step's session (so inside the current
    /// transaction), carrying the request id.
    func runEnqueue(_ enqueue: EnqueueStep, step: CompiledStep, state: ParentState, session: SQLSession) async
        -> Result<GraphQLValue, GraphQLError>
    {
        let payload: GraphQLValue
        var delay: Int64 = 0
        do {
            payload = try enqueue.payload.evaluate(in: state.evaluation)
            if let expression = enqueue.delay {
                guard let seconds = CompiledExpression.number(try expression.evaluate(in: state.evaluation)) else {
                    return .failure(failure.error("EXPRESSION_FAILED", "enqueue.delay must be a number of seconds",
                                                  step: step))
                }
                delay = Int64(seconds * 1_000_000)
            }
        } catch {
            return .failure(failure.evaluation(error, step: step))
        }
        let queue = pipeline.queueTable
        let binds = queue.binds(queue: enqueue.queue, payload: payload, requestID: state.evaluation.requestID,
                                delayMicroseconds: delay, maxAttempts: enqueue.maxAttempts)
        switch await statement(queue.insertStatement, binds, sql: nil, dataSource: enqueue.dataSource, step: step,
                               session: session) {
        case .failure(let error): return .failure(error)
        case .success(let result):
            return .success(.object([
                "id": .int(Int(clamping: result.lastInsertID)), "queue": .string(enqueue.queue),
                "requestId": .string(state.evaluation.requestID),
            ]))
        }
    }
}
