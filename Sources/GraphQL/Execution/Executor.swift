/// Runs GraphQL requests against a schema with a set of resolvers.
///
/// `execute(_:)` takes a request from text to response: parse, validate and compile happen once
/// per (document, operation name) thanks to the plan cache; repeated requests only coerce their
/// variables and resolve. The pipeline layer supplies `resolvers`; `sluice query` in mock mode
/// uses none, so every field reads its parent by name.
public struct Executor: Sendable {
    public let schema: Schema
    public let resolvers: Resolvers
    public let limits: OperationLimits
    public let cache: PlanCache
    /// Whether the resolver calls of one query level run concurrently (mutations never do); worth
    /// it when resolvers wait on I/O, as pipelines do on the database.
    public let concurrentLevels: Bool

    public init(
        schema: Schema, resolvers: Resolvers = Resolvers(), limits: OperationLimits = .none, cacheCapacity: Int = 512,
        concurrentLevels: Bool = true
    ) {
        self.schema = schema
        self.resolvers = resolvers
        self.limits = limits
        cache = PlanCache(capacity: cacheCapacity)
        self.concurrentLevels = concurrentLevels
    }

    /// One request: the document text, which operation, and the variables decoded from JSON.
    public struct Request: Sendable {
        public var query: String
        public var operationName: String?
        public var variables: [String: GraphQLValue]

        public init(query: String, operationName: String? = nil, variables: [String: GraphQLValue] = [:]) {
            self.query = query
            self.operationName = operationName
            self.variables = variables
        }
    }

    /// Parses, validates, compiles (all cached) and executes a request.
    public func execute(
        _ request: Request, rootValue: GraphQLValue = .object([:]), context: RequestContext = RequestContext()
    ) async -> ExecutionResult {
        switch prepare(request.query, operationName: request.operationName) {
        case .success(let plan):
            return await execute(plan, variables: request.variables, rootValue: rootValue, context: context)
        case .failure(let failure):
            return ExecutionResult(requestErrors: failure.errors)
        }
    }

    /// Errors that stop a request before execution.
    public struct RequestFailure: Error, Sendable {
        public let errors: [GraphQLError]
    }

    /// The plan for a document and operation, from the cache or compiled (and cached) now.
    public func prepare(_ query: String, operationName: String?) -> Result<ExecutionPlan, RequestFailure> {
        let key = PlanCache.Key(query: query, operationName: operationName)
        if let cached = cache[key] { return cached }
        let result = compile(query, operationName: operationName)
        cache[key] = result
        return result
    }

    private func compile(_ query: String, operationName: String?) -> Result<ExecutionPlan, RequestFailure> {
        let document: Document
        do {
            document = try Parser(query).parseDocument()
        } catch {
            return .failure(RequestFailure(errors: [error]))
        }
        let errors = Validator(schema: schema, limits: limits).validate(document)
        guard errors.isEmpty else {
            return .failure(RequestFailure(errors: errors.map { error in
                var error = error
                if error.extensions["code"] == nil { error.extensions["code"] = "GRAPHQL_VALIDATION_FAILED" }
                return error
            }))
        }
        return plan(for: document, operationName: operationName).mapError { RequestFailure(errors: [$0]) }
    }

    /// Compiles a document that has been validated; no cache.
    public func plan(for document: Document, operationName: String?) -> Result<ExecutionPlan, GraphQLError> {
        var compiler = PlanCompiler(schema: schema, document: document, resolvers: resolvers)
        return compiler.compile(operationName: operationName)
    }

    /// Executes a plan: coerces the variables, then resolves level by level.
    public func execute(
        _ plan: ExecutionPlan, variables: [String: GraphQLValue] = [:], rootValue: GraphQLValue = .object([:]),
        context: RequestContext = RequestContext()
    ) async -> ExecutionResult {
        let coerced: [String: GraphQLValue]
        switch coerceVariables(variables, for: plan) {
        case .success(let values): coerced = values
        case .failure(let failure): return ExecutionResult(requestErrors: failure.errors)
        }
        var execution = Execution(
            plan: plan, schema: schema, context: context, variables: coerced, typeResolvers: resolvers.typeResolvers,
            concurrent: concurrentLevels && plan.operationType != .mutation)
        await execution.run(rootValue: rootValue)
        plan.treeSize.value = execution.tree.sizes
        return ExecutionResult(
            errors: execution.errors, data: ExecutionResult.ResponseData(plan: plan, tree: execution.tree))
    }
}
