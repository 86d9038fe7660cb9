import GraphQL
import MariaDB

/// What `sluice resolve` prints: per step its input, statements with bound values, rows
/// (truncated), output and duration; then the result and what happened to the transaction.
public struct ResolveReport: Sendable {
    public enum TransactionOutcome: String, Sendable {
        case none, committed, rolledBack = "rolled back"
    }

    public let pipeline: CompiledPipeline
    public let args: GraphQLValue
    public let source: GraphQLValue
    public let identity: GraphQLValue
    public let steps: [StepTrace]
    public let statements: [StatementTrace]
    public let result: Result<GraphQLValue, GraphQLError>
    public let transaction: TransactionOutcome
    public let dryRun: Bool

    /// Steps in the order written (`3` before `3.1`), whatever order they finished in.
    var orderedSteps: [StepTrace] {
        steps.sorted { ResolveReport.order($0.step).lexicographicallyPrecedes(ResolveReport.order($1.step)) }
    }

    static func order(_ index: String) -> [Int] {
        index.split(separator: ".").compactMap { Int($0) }
    }

    /// The human form; `timing: false` leaves durations out (for golden files).
    public func text(timing: Bool = true) -> String {
        var lines = ["\(pipeline.name) (\(pipeline.location.fileAndLine))"]
        lines.append("  args: \(args)")
        if !source.isNull { lines.append("  source: \(source)") }
        if !identity.isNull { lines.append("  identity: \(identity)") }
        for step in orderedSteps {
            let time = timing ? " in \(ResolveReport.milliseconds(step.duration))" : ""
            let status = switch step.status {
            case .ran: "ran\(time)"
            case .skipped: "skipped (when was false)"
            case .failed: "failed\(time)"
            case .returned: "returned\(time)"
            }
            lines.append("step \(step.step) \(step.kind.rawValue) (\(step.location.fileAndLine)): \(status)")
            if step.status == .skipped { continue }
            if step.kind != .transaction { lines.append("  input: \(step.input)") }
            for statement in statements where statement.step == step.step {
                lines += render(statement, timing: timing).map { "  " + $0 }
            }
            if step.status != .failed && step.kind != .transaction { lines.append("  output: \(step.output)") }
        }
        switch result {
        case .success(let value): lines.append("result: \(value)")
        case .failure(let error):
            lines.append("error: \(error.message)")
            let extensions = error.extensions.keys.sorted().map { "\($0): \(ResolveReport.text(error.extensions[$0]!))" }
            lines.append("  extensions: { \(extensions.joined(separator: ", ")) }")
        }
        switch transaction {
        case .none: if dryRun { lines.append("dry run: no statement was executed") }
        case .committed: lines.append("transaction committed")
        case .rolledBack: lines.append("transaction rolled back (run with --commit to keep the changes)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func render(_ statement: StatementTrace, timing: Bool) -> [String] {
        var lines = ["sql: \(statement.sql.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " "))"]
        lines.append("  binds: [" + statement.binds.map(RowConversionError.quoted).joined(separator: ", ") + "]")
        if statement.dryRun { return lines + ["  (dry run: not executed)"] }
        if let error = statement.error { return lines + ["  failed: \(error)"] }
        let time = timing ? " in \(ResolveReport.milliseconds(statement.duration))" : ""
        if statement.columns.isEmpty {
            lines.append("  affected rows: \(statement.affectedRows)\(time)")
            return lines
        }
        lines.append("  rows: \(statement.rowCount)\(time) — columns: \(statement.columns.joined(separator: ", "))")
        for row in statement.rows { lines.append("    (" + row.map(RowConversionError.quoted).joined(separator: ", ") + ")") }
        if statement.rowCount > statement.rows.count {
            lines.append("    … \(statement.rowCount - statement.rows.count) more")
        }
        return lines
    }

    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let ms = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return String(format: "%.2f ms", ms)
    }

    static func text(_ value: GraphQLError.ExtensionValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): String(flag)
        case .int(let number): String(number)
        case .double(let number): String(number)
        case .string(let text): GraphQLValue.string(text).description
        case .list(let items): "[" + items.map(text).joined(separator: ", ") + "]"
        case .object(let fields): "{ " + fields.keys.sorted().map { "\($0): \(text(fields[$0]!))" }.joined(separator: ", ") + " }"
        }
    }
}
