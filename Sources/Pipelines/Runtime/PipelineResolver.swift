import GraphQL

/// A compiled pipeline as the executor's batch resolver: one call per field per level, with
/// every parent of that level.
public struct PipelineResolver: FieldResolver {
    public let pipeline: CompiledPipeline
    let environment: PipelineEnvironment

    public func resolve(_ batch: FieldBatch) async throws -> [FieldOutcome] {
        try batch.context.checkCancellation()
        let context = PipelineContext(
            identity: batch.context.identity, headers: .object(batch.context.headers.mapValues(GraphQLValue.string)),
            requestID: batch.context.requestID, mode: environment.mode, dataSources: environment.dataSources,
            observer: environment.observer, level: batch.depth)
        let results: [Result<GraphQLValue, GraphQLError>]
        if let policy = pipeline.cache, let cache = environment.resultCache, cache.isEnabled {
            results = await resolve(batch, policy: policy, cache: cache, context: context)
        } else {
            results = await pipeline.resolve(parents: batch.parents, arguments: .object(batch.arguments),
                                             context: context)
        }
        return results.map { result in
            switch result {
            case .success(let value): return .value(value)
            case .failure(let error):
                var extensions = error.extensions
                // A conversion failure names the field inside the value it concerns.
                if !error.path.isEmpty { extensions["resultPath"] = .list(error.path.map { .string($0.description) }) }
                return .error(FieldError(error.message, extensions: extensions))
            }
        }
    }
}

/// What every pipeline of a running project shares: its pools, its mode, who watches, and the
/// cache that answers pipelines with a `cache` step.
public struct PipelineEnvironment: Sendable {
    public let dataSources: DataSources
    public let mode: ProjectConfig.Mode
    public let observer: (any PipelineObserver)?
    /// Without one (or with `maxEntries: 0`), cached pipelines run every time.
    public let resultCache: ResultCache?

    public init(dataSources: DataSources, mode: ProjectConfig.Mode, observer: (any PipelineObserver)? = nil,
                resultCache: ResultCache? = nil) {
        self.dataSources = dataSources
        self.mode = mode
        self.observer = observer
        self.resultCache = resultCache
    }
}

extension PipelineSet {
    /// The executor's resolvers: one per pipeline; other fields read their parent by name.
    public func resolvers(_ environment: PipelineEnvironment) -> Resolvers {
        var fields = [String: any FieldResolver]()
        for (name, pipeline) in pipelines {
            fields[name] = PipelineResolver(pipeline: pipeline, environment: environment)
        }
        return Resolvers(fields: fields)
    }

    /// An executor over the project's schema whose fields run these pipelines.
    public func executor(_ environment: PipelineEnvironment) -> Executor {
        Executor(schema: schema, resolvers: resolvers(environment))
    }
}
