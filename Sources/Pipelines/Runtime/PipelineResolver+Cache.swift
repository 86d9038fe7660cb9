import GraphQL

extension PipelineResolver {
    /// Resolves a level of a cached pipeline: each parent's key is evaluated, hits are answered from
    /// the cache, and the pipeline runs once for the distinct missed keys, still as one batch (one
    /// statement per batched step). Successful results are stored; field errors never are.
    func resolve(_ batch: FieldBatch, policy: CachePolicy, cache: ResultCache,
                 context: PipelineContext) async -> [Result<GraphQLValue, GraphQLError>] {
        var args = pipeline.argumentDefaults
        args.merge(batch.arguments) { _, given in given }
        var evaluation = EvaluationContext(args: .object(args), identity: context.identity,
                                           headers: context.headers, requestID: context.requestID)
        let keys = batch.parents.map { parent -> ResultCache.Key? in
            evaluation.source = parent
            return policy.key(in: evaluation).map { ResultCache.Key(pipeline: pipeline.name, values: $0) }
        }
        let cached = cache.values(for: keys)
        // Misses with the same key run once; a parent whose key failed to evaluate runs on its own.
        var missed = [GraphQLValue]()
        var missedKeys = [ResultCache.Key?]()
        var runOf = [Int](repeating: -1, count: keys.count)
        var runOfKey = [ResultCache.Key: Int]()
        for (index, key) in keys.enumerated() where cached[index] == nil {
            if let key, let run = runOfKey[key] {
                runOf[index] = run
                continue
            }
            runOf[index] = missed.count
            if let key { runOfKey[key] = missed.count }
            missed.append(batch.parents[index])
            missedKeys.append(key)
        }
        var computed = [Result<GraphQLValue, GraphQLError>]()
        if !missed.isEmpty {
            computed = await pipeline.resolve(parents: missed, arguments: .object(batch.arguments), context: context)
            var fresh = [(key: ResultCache.Key, value: GraphQLValue)]()
            for (key, result) in zip(missedKeys, computed) {
                if let key, case .success(let value) = result { fresh.append((key, value)) }
            }
            cache.store(fresh, ttl: policy.ttl)
        }
        return keys.indices.map { index in
            if let value = cached[index] { return .success(value) }
            return computed[runOf[index]]
        }
    }
}
