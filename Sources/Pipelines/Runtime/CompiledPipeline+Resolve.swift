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
        var states = [PipelineRunner.ParentState]()
        states.reserveCapacity(parents.count)
        for parent in parents {
            var state = PipelineRunner.ParentState(evaluation: evaluation)
            state.evaluation.source = parent
            states.append(state)
        }
        let runner = PipelineRunner(pipeline: self, context: context)
        let session = SQLSession(dataSources: context.dataSources, connection: context.connection,
                                 depth: context.connection == nil ? 0 : 1)
        await runner.run(steps, states: &states, session: session)
        // Outcomes move out of the states, which are dropped next, rather than being copied.
        var results = [Result<GraphQLValue, GraphQLError>]()
        results.reserveCapacity(states.count)
        for index in states.indices {
            results.append(states[index].outcome.take() ?? .success(states[index].evaluation.prev))
        }
        return results
    }

    /// Resolves the field for one parent (root fields, mutations).
    public func resolve(parent: GraphQLValue = .null, arguments: GraphQLValue,
                        context: PipelineContext) async -> Result<GraphQLValue, GraphQLError> {
        await resolve(parents: [parent], arguments: arguments, context: context)[0]
    }
}
