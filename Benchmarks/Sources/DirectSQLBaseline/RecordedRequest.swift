import Foundation
import GraphQL
import MariaDB
import Pipelines

/// The statements the gateway issues for one of the load script's request bodies, recorded once
/// by running the body through the project's pipelines, so the baseline replays exactly those.
struct RecordedRequest: Sendable {
    struct Statement: Sendable {
        let sql: String
        let binds: [MariaDB.Value]
    }

    let name: String
    let statements: [Statement]

    /// Runs `body` (a GraphQL-over-HTTP JSON body) once and keeps every statement it sent.
    static func record(name: String, body: String, project: PipelineProject,
                       dataSources: DataSources) async throws -> RecordedRequest {
        var parser = JSONValueParser(body)
        guard case .object(let fields) = try parser.parse(), case .string(let query)? = fields["query"] else {
            throw RecordingError(message: "\(name): the body has no query")
        }
        var variables: [String: GraphQLValue] = [:]
        if case .object(let given)? = fields["variables"] { variables = given }
        let recorder = ExplainRecorder()
        let executor = project.pipelines.executor(
            PipelineEnvironment(dataSources: dataSources, mode: .production, observer: recorder))
        let result = await executor.execute(Executor.Request(query: query, variables: variables))
        guard result.errors.isEmpty else {
            throw RecordingError(message: "\(name): the query failed: \(result.errors.map(\.message))")
        }
        let statements = recorder.statements.map { Statement(sql: $0.sql, binds: $0.binds) }
        return RecordedRequest(name: name, statements: statements)
    }
}

struct RecordingError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
