import GraphQL
import MariaDB

/// Builds the field errors a pipeline raises, each naming its origin: `extensions.code`,
/// `pipeline` (`Type.field`), `step` (index and kind) and `definedAt` (`file:line`).
struct PipelineFailure {
    let pipeline: CompiledPipeline
    let mode: ProjectConfig.Mode

    func error(_ code: String, _ message: String, step: CompiledStep, path: [GraphQLError.PathComponent] = [],
               extra: [String: GraphQLError.ExtensionValue] = [:]) -> GraphQLError {
        var extensions: [String: GraphQLError.ExtensionValue] = [
            "code": .string(code),
            "pipeline": .string(pipeline.name),
            "step": ["index": .string(step.index), "kind": .string(step.kind.rawValue)],
            "definedAt": .string(step.location.fileAndLine),
        ]
        extensions.merge(extra) { _, new in new }
        return GraphQLError(message: message, path: path, extensions: extensions)
    }

    /// A failed statement: errno and SQLSTATE always; the server's message and the statement
    /// only in development mode.
    func database(_ failure: any Error, step: CompiledStep, sql: String) -> GraphQLError {
        guard let failure = failure as? MariaDBError else {
            if failure is CancellationError { return error("CANCELLED", "the request was cancelled", step: step) }
            return error("INTERNAL_SERVER_ERROR", mode == .development ? "\(failure)" : "internal error", step: step)
        }
        let code = switch failure.code {
        case .acquireTimeout, .poolClosed, .connectionFailed, .connectionLost: "SERVICE_UNAVAILABLE"
        case .statementTimeout: "TIMEOUT"
        default: "DATABASE_ERROR"
        }
        var extra: [String: GraphQLError.ExtensionValue] = [
            "errno": .int(failure.number), "sqlState": .string(failure.sqlState),
        ]
        let message: String
        if mode == .development {
            extra["statement"] = .string(sql)
            message = failure.message
        } else {
            message = switch code {
            case "TIMEOUT": "the statement ran past its time limit"
            case "SERVICE_UNAVAILABLE": "the database is unavailable"
            default: "a database error occurred"
            }
        }
        return error(code, message, step: step, extra: extra)
    }

    func evaluation(_ failure: EvaluationError, step: CompiledStep) -> GraphQLError {
        error("EXPRESSION_FAILED", failure.description, step: step)
    }

    func conversion(_ failure: RowConversionError, step: CompiledStep, index: Int?) -> GraphQLError {
        var path = [GraphQLError.PathComponent]()
        if let index { path.append(.index(index)) }
        if let field = failure.field { path.append(.key(field)) }
        return error("INVALID_RESULT", failure.message, step: step, path: path)
    }
}
