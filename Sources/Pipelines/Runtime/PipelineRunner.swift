import GraphQL
import MariaDB

/// Runs compiled steps over the parents of one level. Each parent carries its own stash and
/// previous output; a parent whose pipeline failed or returned drops out of the later steps.
struct PipelineRunner {
    let pipeline: CompiledPipeline
    let context: PipelineContext
    var failure: PipelineFailure { PipelineFailure(pipeline: pipeline, mode: context.mode) }

    struct ParentState {
        var evaluation: EvaluationContext
        var outcome: Result<GraphQLValue, GraphQLError>?
    }

    /// A failure inside a transaction, carried out of it so the transaction rolls back.
    struct TransactionAborted: Error {
        let error: GraphQLError
    }

    func run(_ steps: [CompiledStep], states: inout [ParentState], session: SQLSession) async {
        let tracesSteps = context.tracesSteps
        for step in steps {
            let clock = ContinuousClock()
            let started = clock.now
            var active = [Int]()
            for index in states.indices where states[index].outcome == nil {
                guard let condition = step.condition else {
                    active.append(index)
                    continue
                }
                do {
                    if CompiledExpression.isTruthy(try condition.evaluate(in: states[index].evaluation)) {
                        active.append(index)
                    } else {
                        trace(step, parent: index, states[index], .skipped, output: .null, since: started)
                    }
                } catch {
                    states[index].outcome = .failure(failure.evaluation(error, step: step))
                }
            }
            guard !active.isEmpty else { continue }
            let inputs = !tracesSteps ? [] : active.map { states[$0].evaluation.prev }
            // A batched step builds its own outputs; the others fill these, parent by parent.
            var outputs = [Result<GraphQLValue, GraphQLError>?]()
            if case .sql(let sql) = step.action, sql.batch != nil {
                outputs = await runBatch(sql, step: step, active: active, states: states, session: session)
            } else {
                outputs = Array(repeating: nil, count: states.count)
            }
            switch step.action {
            case .sql(let sql) where sql.batch != nil:
                break
            case .sql(let sql):
                for index in active {
                    outputs[index] = await runSQL(sql, step: step, state: states[index], session: session)
                }
            case .transaction(let transaction):
                for index in active {
                    outputs[index] = await runTransaction(transaction, step: step, state: &states[index],
                                                          session: session)
                }
            case .enqueue(let enqueue):
                for index in active {
                    outputs[index] = await runEnqueue(enqueue, step: step, state: states[index], session: session)
                }
            case .validate:
                // The rules read only `args`, the same for every parent: checked once, and a
                // violation is every parent's; otherwise each passes its own `prev` on.
                let verdict = runLocal(step, state: states[active[0]])
                for index in active {
                    if case .failure = verdict { outputs[index] = verdict } else {
                        outputs[index] = .success(states[index].evaluation.prev)
                    }
                }
            default:
                for index in active { outputs[index] = runLocal(step, state: states[index]) }
            }
            for (position, index) in active.enumerated() {
                // Taken, not copied: each output has one owner, the parent's state.
                let output = outputs[index].take() ?? .success(.null)
                finish(step, output: output, state: &states[index])
                if tracesSteps {
                    let status: StepTrace.Status = switch states[index].outcome {
                    case .failure?: .failed
                    case .success?: .returned
                    case nil: .ran
                    }
                    let value = (try? output.get()) ?? .null
                    trace(step, parent: index, states[index], status, input: inputs[position], output: value,
                          since: started)
                }
            }
        }
    }

    /// Records the step's output: the next step's `prev`, the stash entry, or the early return.
    private func finish(_ step: CompiledStep, output: Result<GraphQLValue, GraphQLError>, state: inout ParentState) {
        switch output {
        case .failure(let error):
            state.outcome = .failure(error)
        case .success(let value):
            if step.kind != .return && step.kind != .guard && step.kind != .validate {
                state.evaluation.prev = value
            }
            if let name = step.storeAs { state.evaluation.stash[name] = value }
            guard let returning = step.returning else { return }
            do {
                state.outcome = .success(try returning.evaluate(in: state.evaluation))
            } catch {
                state.outcome = .failure(failure.evaluation(error, step: step))
            }
        }
    }

    private func trace(_ step: CompiledStep, parent: Int, _ state: ParentState, _ status: StepTrace.Status,
                       input: GraphQLValue = .null, output: GraphQLValue, since started: ContinuousClock.Instant) {
        guard context.tracesSteps, let observer = context.observer else { return }
        observer.stepFinished(StepTrace(
            pipeline: pipeline.name, step: step.index, kind: step.kind, location: step.location, parent: parent,
            status: status, input: input, output: output, duration: ContinuousClock.now - started))
    }

    /// Steps that need no database: guard, validate, transform, value, return.
    private func runLocal(_ step: CompiledStep, state: ParentState) -> Result<GraphQLValue, GraphQLError> {
        do {
            switch step.action {
            case .guard(let rule):
                if CompiledExpression.isTruthy(try rule.condition.evaluate(in: state.evaluation)) {
                    return .success(state.evaluation.prev)
                }
                return .failure(failure.error(rule.code, rule.message, step: step))
            case .validate(let rules):
                for rule in rules {
                    if let message = rule.violation(in: state.evaluation.args) {
                        return .failure(failure.error("BAD_USER_INPUT", message, step: step,
                                                      extra: ["argument": .string(rule.name)]))
                    }
                }
                return .success(state.evaluation.prev)
            case .transform(let template):
                return .success(try template.evaluate(in: state.evaluation))
            case .value(let value):
                return .success(value)
            default:
                return .success(state.evaluation.prev)
            }
        } catch {
            return .failure(failure.evaluation(error, step: step))
        }
    }

    private func runTransaction(_ transaction: TransactionStep, step: CompiledStep, state: inout ParentState,
                                session: SQLSession) async -> Result<GraphQLValue, GraphQLError> {
        var inner = [state]
        do {
            if context.dryRun {
                await run(transaction.steps, states: &inner, session: session)
                if case .failure(let error)? = inner[0].outcome { throw TransactionAborted(error: error) }
            } else {
                try await session.transaction(dataSource: transaction.dataSource) { transactionSession in
                    await run(transaction.steps, states: &inner, session: transactionSession)
                    if case .failure(let error)? = inner[0].outcome { throw TransactionAborted(error: error) }
                }
            }
        } catch let aborted as TransactionAborted {
            var error = aborted.error
            error.extensions["transaction"] = "rolled back"
            return .failure(error)
        } catch {
            return .failure(failure.database(error, step: step, sql: "COMMIT"))
        }
        // Stash entries written inside stay visible after it; a `return` inside ends the pipeline.
        state.evaluation.stash = inner[0].evaluation.stash
        if case .success(let value)? = inner[0].outcome {
            state.outcome = .success(value)
            return .success(value)
        }
        return .success(inner[0].evaluation.prev)
    }
}
