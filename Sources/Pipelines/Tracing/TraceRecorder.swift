import Foundation

/// Collects a run's step and statement traces in the order they happen.
final class TraceRecorder: PipelineObserver, @unchecked Sendable {
    // Invariant: both arrays are only read or written with `lock` held.
    private let lock = NSLock()
    private var stepTraces: [StepTrace] = []
    private var statementTraces: [StatementTrace] = []

    func statementFinished(_ statement: StatementTrace) {
        lock.withLock { statementTraces.append(statement) }
    }

    func stepFinished(_ step: StepTrace) {
        lock.withLock { stepTraces.append(step) }
    }

    var steps: [StepTrace] { lock.withLock { stepTraces } }
    var statements: [StatementTrace] { lock.withLock { statementTraces } }
}
