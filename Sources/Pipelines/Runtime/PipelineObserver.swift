import GraphQL
import MariaDB

/// Receives what pipelines do, as it happens: for `sluice resolve` traces, `--explain`, and tests
/// that count statements. Implementations must be cheap and thread-safe.
public protocol PipelineObserver: Sendable {
    func statementFinished(_ statement: StatementTrace)
    func stepFinished(_ step: StepTrace)
    /// Whether this observer wants step traces and the first rows of each statement. Metric sinks
    /// say no, so the request path skips copying every step's input and output for them.
    var observesSteps: Bool { get }
}

extension PipelineObserver {
    public func stepFinished(_ step: StepTrace) {}
    public var observesSteps: Bool { true }
}

/// An observer of statements alone, for metrics and spans: it declines step traces, so the request
/// path pays one call per statement.
public struct StatementSink: PipelineObserver {
    let body: @Sendable (StatementTrace) -> Void

    public init(_ body: @escaping @Sendable (StatementTrace) -> Void) {
        self.body = body
    }

    public func statementFinished(_ statement: StatementTrace) { body(statement) }
    public var observesSteps: Bool { false }
}

/// One statement a pipeline ran (or, in a dry run, would have run).
public struct StatementTrace: Sendable {
    public let pipeline: String
    public let step: String
    public let dataSource: String
    /// The statement as sent, with `?` placeholders.
    public let sql: String
    public let binds: [MariaDB.Value]
    public let rowCount: Int
    public let affectedRows: UInt64
    /// The first rows (at most `StatementTrace.keptRows`), for traces; empty for an observer that
    /// does not observe steps.
    public let rows: [[MariaDB.Value]]
    public let columns: [String]
    public let duration: Duration
    public let error: String?
    /// Whether it was only shown, not run.
    public let dryRun: Bool
    /// The execution level whose batch ran it (0 for root fields); `nil` outside an executor.
    public var level: Int? = nil

    public static let keptRows = 5
}

/// One step of one parent's run: what it read and what it produced.
public struct StepTrace: Sendable {
    public let pipeline: String
    public let step: String
    public let kind: CompiledStep.Kind
    public let location: FileLocation
    /// The parent's position in its level.
    public let parent: Int
    /// `skipped` when `when` was false; `failed` when it raised the field's error.
    public let status: Status
    public let input: GraphQLValue
    public let output: GraphQLValue
    public let duration: Duration

    public enum Status: String, Sendable {
        case ran, skipped, failed, returned
    }
}
