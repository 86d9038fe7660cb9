import GraphQL
import MariaDB

/// Runs one pipeline step by step for `sluice resolve`, recording what every step read and
/// produced and every statement with its bound values. A pipeline that writes runs inside a
/// transaction that is rolled back unless `commit` is set.
public struct ResolveSession: Sendable {
    public let pipeline: CompiledPipeline
    public let dataSources: DataSources
    public let mode: ProjectConfig.Mode

    public init(pipeline: CompiledPipeline, dataSources: DataSources, mode: ProjectConfig.Mode) {
        self.pipeline = pipeline
        self.dataSources = dataSources
        self.mode = mode
    }

    /// Whether any step writes (a non-read statement or an enqueue).
    public var writes: Bool {
        pipeline.allSteps.contains { step in
            if step.kind == .enqueue { return true }
            return step.sql.map { !$0.isRead } ?? false
        }
    }

    public func run(args: GraphQLValue, source: GraphQLValue, identity: GraphQLValue, requestID: String,
                    dryRun: Bool, commit: Bool) async -> ResolveReport {
        let recorder = TraceRecorder()
        var context = PipelineContext(identity: identity, requestID: requestID, mode: mode, dataSources: dataSources,
                                      observer: recorder, dryRun: dryRun)
        var transaction: ResolveReport.TransactionOutcome = .none
        let result: Result<GraphQLValue, GraphQLError>
        if writes && !dryRun, let pool = dataSources[ProjectConfig.defaultDataSource] {
            do {
                result = try await pool.withConnection { connection in
                    _ = try await connection.query("START TRANSACTION")
                    context.connection = connection
                    let result = await pipeline.resolve(parent: source, arguments: args, context: context)
                    let keep = commit && (try? result.get()) != nil
                    _ = try await connection.query(keep ? "COMMIT" : "ROLLBACK")
                    transaction = keep ? .committed : .rolledBack
                    return result
                }
            } catch {
                result = .failure(GraphQLError(message: "could not run the transaction: \(error)",
                                               extensions: ["code": "DATABASE_ERROR"]))
            }
        } else {
            result = await pipeline.resolve(parent: source, arguments: args, context: context)
        }
        return ResolveReport(pipeline: pipeline, args: args, source: source, identity: identity,
                             steps: recorder.steps, statements: recorder.statements, result: result,
                             transaction: transaction, dryRun: dryRun)
    }
}
