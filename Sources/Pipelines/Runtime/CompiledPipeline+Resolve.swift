import GraphQL

extension CompiledPipeline {
    /// Resolves the field for every parent of one execution level at once: batched steps run one
    /// statement for the whole level, other steps run per parent. Results come back in parent
    /// order; a failure is that parent's field error (its `path` is relative to the field).
    public func resolve(parents: [GraphQLValue], arguments: GraphQLValue,
                        context: PipelineContext) async -> [Result<GraphQLValue, GraphQLError>] {
        var args = argumentDefaults
        if case .object(let given) = arguments { args.merge(given) { _, new in new } }
        let evaluation = EvaluationContext(args: .object(args), identity: context.identity, headers: context.headers,
                                           requestID: context.requestID)
        var states = parents.map { parent in
            var state = PipelineRunner.ParentState(evaluation: evaluation)
            state.evaluation.source = parent
            return state
        }
        let runner = PipelineRunner(pipeline: self, context: context)
        let session = SQLSession(dataSources: context.dataSources, connection: context.connection,
                                 depth: context.connection == nil ? 0 : 1)
        await runner.run(steps, states: &states, session: session)
        return states.map { $0.outcome ?? .success($0.evaluation.prev) }
    }

    /// Resolves the field for one parent (root fields, mutations).
    public func resolve(parent: GraphQLValue = .null, arguments: GraphQLValue,
                        context: PipelineContext) async -> Result<GraphQLValue, GraphQLError> {
        await resolve(parents: [parent], arguments: arguments, context: context)[0]
    }
}
