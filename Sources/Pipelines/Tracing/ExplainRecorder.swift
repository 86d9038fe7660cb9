import Foundation
import GraphQL

/// Collects the statements one operation ran, for `sluice query --explain`: grouped by execution
/// level, so a developer sees that batching ran one statement per level and not one per parent.
public final class ExplainRecorder: PipelineObserver, @unchecked Sendable {
    // Invariant: `traces` is only read or written with `lock` held.
    private let lock = NSLock()
    private var traces: [StatementTrace] = []

    public init() {}

    public func statementFinished(_ statement: StatementTrace) {
        lock.withLock { traces.append(statement) }
    }

    /// The statements in level order; within a level, in the order they finished.
    public var statements: [StatementTrace] {
        let recorded = lock.withLock { traces }
        return recorded.enumerated().sorted {
            ($0.element.level ?? -1, $0.offset) < ($1.element.level ?? -1, $1.offset)
        }.map(\.element)
    }

    /// One line per statement under a heading per level (levels numbered from 1 at the root).
    public var text: String {
        let statements = statements
        var lines = ["explain: \(statements.count) statement\(statements.count == 1 ? "" : "s")"]
        var level: Int?? = .none
        for statement in statements {
            if level != .some(statement.level) {
                level = .some(statement.level)
                lines.append(statement.level.map { "level \($0 + 1):" } ?? "outside the executor:")
            }
            var line = "  \(statement.pipeline) step \(statement.step) [\(statement.dataSource)]: "
                + "\(statement.rowCount) row\(statement.rowCount == 1 ? "" : "s") in "
                + ResolveReport.milliseconds(statement.duration)
            if let error = statement.error { line += " FAILED: \(error)" }
            lines.append(line)
            lines.append("    " + statement.sql.split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same facts as `text`, for a response's `extensions.explain`; durations in milliseconds.
    public var json: GraphQLValue {
        .object(["statements": .list(statements.map { statement in
            var object: [String: GraphQLValue] = [
                "level": statement.level.map { .int($0 + 1) } ?? .null,
                "pipeline": .string(statement.pipeline), "step": .string(statement.step),
                "dataSource": .string(statement.dataSource), "sql": .string(statement.sql),
                "rows": .int(statement.rowCount), "durationMs": .float(ResolveReport.ms(statement.duration)),
            ]
            if let error = statement.error { object["error"] = .string(error) }
            return .object(object)
        })])
    }
}
