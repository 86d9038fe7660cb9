import GraphQL
import MariaDB

extension ResolveReport {
    /// The machine form (`--json`): the same facts as the text, durations in milliseconds.
    public var json: String {
        JSONText.encode(jsonValue) + "\n"
    }

    var jsonValue: GraphQLValue {
        var object: [String: GraphQLValue] = [
            "pipeline": .string(pipeline.name),
            "definedAt": .string(pipeline.location.fileAndLine),
            "args": args,
            "dryRun": .bool(dryRun),
            "transaction": transaction == .none ? .null : .string(transaction.rawValue),
            "steps": .list(orderedSteps.map { step in
                .object([
                    "index": .string(step.step), "kind": .string(step.kind.rawValue),
                    "definedAt": .string(step.location.fileAndLine), "status": .string(step.status.rawValue),
                    "input": step.input, "output": step.output, "durationMs": .float(Self.ms(step.duration)),
                    "statements": .list(statements.filter { $0.step == step.step }.map(Self.json)),
                ])
            }),
        ]
        switch result {
        case .success(let value): object["result"] = value
        case .failure(let error):
            object["error"] = .object(["message": .string(error.message), "extensions": Self.json(error.extensions)])
        }
        return .object(object)
    }

    static func ms(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return (Double(seconds) * 1000 + Double(attoseconds) / 1e15 * 1000).rounded() / 1000
    }

    static func json(_ statement: StatementTrace) -> GraphQLValue {
        .object([
            "sql": .string(statement.sql), "binds": .list(statement.binds.map { ScalarKind.natural($0) }),
            "rowCount": .int(statement.rowCount), "affectedRows": .int(Int(clamping: statement.affectedRows)),
            "columns": .list(statement.columns.map(GraphQLValue.string)),
            "rows": .list(statement.rows.map { .list($0.map { ScalarKind.natural($0) }) }),
            "durationMs": .float(ms(statement.duration)), "error": statement.error.map(GraphQLValue.string) ?? .null,
            "executed": .bool(!statement.dryRun),
        ])
    }

    static func json(_ extensions: [String: GraphQLError.ExtensionValue]) -> GraphQLValue {
        .object(extensions.mapValues(json))
    }

    static func json(_ value: GraphQLError.ExtensionValue) -> GraphQLValue {
        switch value {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .double(let number): .float(number)
        case .string(let text): .string(text)
        case .list(let items): .list(items.map(json))
        case .object(let fields): json(fields)
        }
    }
}
