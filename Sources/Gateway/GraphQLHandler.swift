import Foundation
import GraphQL
import HTTPTypes
import Hummingbird
import Logging
import Tracing

/// GraphQL over HTTP for one schema: decodes the request, authenticates, admits the document
/// under the limits, executes, and maps the outcome to a status and media type.
///
/// Every refusal happens before any resolver runs and comes back as a GraphQL-shaped body with
/// `extensions.code`; internal details go to the log under the request id, never to the client.
struct GraphQLHandler: Sendable {
    let configuration: GatewayConfiguration
    let executor: Executor
    let admission: DocumentAdmission
    let authenticator: Authenticator
    let persistedQueries: PersistedQueryStore?
    let metrics: GatewayMetrics
    let tracer: any Tracer
    let logger: Logger
    let queryScope: GatewayDependencies.QueryScope?
    let watchdog = DeadlineWatchdog()

    init(
        configuration: GatewayConfiguration, executor: Executor, authenticator: Authenticator,
        metrics: GatewayMetrics, tracer: any Tracer, logger: Logger, queryScope: GatewayDependencies.QueryScope? = nil
    ) {
        self.queryScope = queryScope
        self.tracer = tracer
        self.configuration = configuration
        self.executor = executor
        admission = DocumentAdmission(
            executor: executor, limits: configuration.limits, introspection: configuration.introspection)
        self.authenticator = authenticator
        persistedQueries =
            configuration.persistedQueries.enabled
            ? PersistedQueryStore(maxBytes: configuration.persistedQueries.maxBytes) : nil
        self.metrics = metrics
        self.logger = logger
    }

    /// What one request (or one batch entry) produced.
    struct Outcome {
        var status: Int
        var body: [UInt8]
        var headers: [String: String] = [:]
        var operationType: OperationType?
        var errorCodes: [String] = []
        /// False for a refusal at the HTTP edge: that body is not a GraphQL response to the operation.
        var isGraphQLResponse = true
    }

    static let preflightHeaders: [HTTPField.Name] = [
        HTTPField.Name("graphql-require-preflight")!, HTTPField.Name("apollo-require-preflight")!,
        HTTPField.Name("x-apollo-operation-name")!,
    ]

    func handle(_ request: Request, requestID: String) async -> Response {
        let started = ContinuousClock.now
        let mediaType = ResponseMediaType.negotiate(accept: request.headers[.accept])
        var outcomes = [Outcome]()
        let response: Response
        do {
            guard let mediaType else { throw GatewayError.notAcceptable }
            let parsed: GraphQLRequest.Body
            if request.method == .get {
                parsed = .single(try GraphQLRequest.decode(queryString: request.uri.query))
            } else {
                try Self.checkContentType(request.headers)
                parsed = try GraphQLRequest.decode(body: try await collectBody(request))
            }
            let identity = try await authenticator.identity(for: request.headers)
            if metrics.poolsOverloaded(maxWaiters: configuration.maxPoolWaiters) {
                throw GatewayError.serviceUnavailable(
                    "The server is overloaded; retry shortly.", retryAfter: configuration.retryAfterSeconds)
            }
            let context = GraphQL.RequestContext(
                identity: identity, headers: Self.forwardedHeaders(request.headers, configuration: configuration),
                requestID: requestID, deadline: .now + configuration.limits.timeout)
            switch parsed {
            case .single(let single):
                let outcome = await run(single, isGet: request.method == .get, mediaType: mediaType, context: context)
                outcomes = [outcome]
                response = Self.response(outcome, mediaType: mediaType, requestID: requestID)
            case .batch(let entries):
                guard let maxBatch = configuration.maxBatchSize else {
                    throw GatewayError.badRequest("Batched requests are not enabled on this server.")
                }
                guard !entries.isEmpty else { throw GatewayError.badRequest("The batch is empty.") }
                guard entries.count <= maxBatch else {
                    throw GatewayError(
                        status: 400, code: "BATCH_LIMIT_EXCEEDED",
                        message: "The batch holds \(entries.count) operations, which exceeds the limit of \(maxBatch).")
                }
                for entry in entries {
                    outcomes.append(await run(entry, isGet: false, mediaType: .json, context: context))
                }
                var body: [UInt8] = [UInt8(ascii: "[")]
                for (index, outcome) in outcomes.enumerated() {
                    if index > 0 { body.append(UInt8(ascii: ",")) }
                    body += outcome.body
                }
                body.append(UInt8(ascii: "]"))
                response = Self.response(Outcome(status: 200, body: body), mediaType: mediaType, requestID: requestID)
            }
        } catch let error as GatewayError {
            let outcome = Self.outcome(error)
            outcomes = [outcome]
            response = Self.response(outcome, mediaType: .json, requestID: requestID)
        } catch {
            logger.error("request failed", metadata: ["request.id": .string(requestID), "error": "\(error)"])
            let outcome = Self.outcome(
                GatewayError(
                    status: 500, code: "INTERNAL_SERVER_ERROR", message: "Internal server error (request \(requestID))."
                ))
            outcomes = [outcome]
            response = Self.response(outcome, mediaType: .json, requestID: requestID)
        }
        let duration = ContinuousClock.now - started
        for outcome in outcomes {
            metrics.record(
                operationType: outcome.operationType, status: outcome.status, duration: duration,
                errorCodes: outcome.errorCodes)
        }
        logger.info(
            "graphql request",
            metadata: [
                "request.id": .string(requestID),
                "http.method": .string(request.method.rawValue),
                "http.status": .stringConvertible(response.status.code),
                "graphql.operation.type": .string(outcomes.first?.operationType?.rawValue ?? "unknown"),
                "duration.ms": .stringConvertible(
                    Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15),
            ])
        return response
    }

    /// One operation from text to response body, under the limits, with a server span around it.
    func run(
        _ request: GraphQLRequest, isGet: Bool, mediaType: ResponseMediaType, context: GraphQL.RequestContext
    ) async -> Outcome {
        // OpenTelemetry's GraphQL conventions: named by operation type once it is known; the
        // operation name only as an attribute (clients choose it, so it would explode cardinality).
        let span = tracer.startSpan("GraphQL Operation", ofKind: .server)
        defer { span.end() }
        let query: String
        let registerHash: String?
        switch resolvePersistedQuery(request, mediaType: mediaType) {
        case .failure(let refusal):
            return refusal.outcome
        case .success(let resolved):
            guard let text = resolved.query else {
                return Self.outcome(.badRequest("The request has no \"query\" parameter."))
            }
            query = text
            registerHash = resolved.registerAs
        }
        let started = ContinuousClock.now
        let plan: ExecutionPlan
        switch admission.prepare(query, operationName: request.operationName) {
        case .failure(let failure):
            return requestErrors(failure.errors, mediaType: mediaType)
        case .success(let prepared):
            plan = prepared
        }
        if span.isRecording {
            span.operationName = plan.operationType.rawValue
            span.attributes["graphql.operation.type"] = plan.operationType.rawValue
            if let name = plan.operationName { span.attributes["graphql.operation.name"] = name }
            span.attributes["graphql.document"] = DocumentRedaction.redacted(query)
        }
        if isGet && plan.operationType != .query {
            var outcome = Self.outcome(
                .methodNotAllowed(
                    "Only queries may be sent with GET; send a \(plan.operationType.rawValue) with POST.", allow: "POST"
                ))
            outcome.operationType = plan.operationType
            return outcome
        }
        if let registerHash, let persistedQueries { persistedQueries.register(query, hash: registerHash) }
        let prepared = ContinuousClock.now
        // Resolver and statement spans nest under this one (there are none under the no-op tracer).
        let result =
            !(tracer is NoOpTracer)
            ? await ServiceContext.$current.withValue(span.context) {
                await execute(plan, variables: request.variables, context: context)
            }
            : await execute(plan, variables: request.variables, context: context)
        let timing =
            configuration.timing && request.extensions["timing"] == .bool(true)
            ? ResponseTiming(started: started, prepared: prepared, finished: .now) : nil
        guard result.hasData else {
            var outcome = requestErrors(result.errors, mediaType: mediaType)
            outcome.operationType = plan.operationType
            return outcome
        }
        if !result.errors.isEmpty { span.setStatus(SpanStatus(code: .error)) }
        return Outcome(
            status: 200, body: timing.map { $0.appended(to: result.jsonBytes()) } ?? result.jsonBytes(),
            operationType: plan.operationType,
            errorCodes: result.errors.map(Self.code))
    }

    /// Executes under the deadline: the executor stops starting resolvers once it passes, and
    /// shortly after, whatever still runs (a slow statement) is cancelled, so its work stops too.
    private func execute(
        _ plan: ExecutionPlan, variables: [String: GraphQLValue], context: GraphQL.RequestContext
    ) async -> ExecutionResult {
        let rootValue = configuration.rootValue.value
        let run: @Sendable ((any TaskExecutor)?) async -> ExecutionResult = { [executor, watchdog] preferred in
            let work: @Sendable () async -> ExecutionResult = {
                await executor.execute(plan, variables: variables, rootValue: rootValue, context: context)
            }
            guard let deadline = context.deadline else { return await work() }
            return await watchdog.run(until: deadline + Self.cancellationGrace, preferring: preferred, work)
        }
        if let queryScope, plan.operationType == .query { return await queryScope(run) }
        return await run(nil)
    }

    /// Time past the deadline during which the executor's own deadline check may answer first.
    static let cancellationGrace = Duration.milliseconds(500)

    /// A request error: no `data`, the status from the profile, at most `maxErrors` errors.
    private func requestErrors(_ errors: [GraphQLError], mediaType: ResponseMediaType) -> Outcome {
        let status = configuration.statusProfile.status(
            for: DocumentAdmission.failureKind(of: errors), mediaType: mediaType)
        let capped = Self.capped(errors, to: configuration.limits.maxErrors)
        return Outcome(
            status: status, body: ExecutionResult(requestErrors: capped).jsonBytes(), errorCodes: capped.map(Self.code))
    }

    static func capped(_ errors: [GraphQLError], to limit: Int) -> [GraphQLError] {
        guard errors.count > limit else { return errors }
        var kept = Array(errors.prefix(max(0, limit - 1)))
        kept.append(
            GraphQLError(
                message: "Further errors were omitted; a response reports at most \(limit).",
                extensions: ["code": "TOO_MANY_ERRORS", "limit": .int(limit)]))
        return kept
    }

    static func code(_ error: GraphQLError) -> String {
        if case .string(let code)? = error.extensions["code"] { return code }
        return "INTERNAL_SERVER_ERROR"
    }

    static func outcome(_ error: GatewayError) -> Outcome {
        Outcome(
            status: error.status, body: ExecutionResult(requestErrors: [error.graphQLError]).jsonBytes(),
            headers: error.headers, errorCodes: [error.code], isGraphQLResponse: false)
    }

    static func response(_ outcome: Outcome, mediaType: ResponseMediaType, requestID: String) -> Response {
        var headers = HTTPFields()
        // A body that is not a GraphQL response to the operation is never labelled graphql-response+json.
        headers[.contentType] = (outcome.isGraphQLResponse ? mediaType : .json).contentType
        headers[HTTPField.Name("x-request-id")!] = requestID
        for (name, value) in outcome.headers {
            if let name = HTTPField.Name(name) { headers[name] = value }
        }
        return Response(
            status: HTTPResponse.Status(code: outcome.status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: outcome.body)))
    }
}
