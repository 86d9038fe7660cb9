import Foundation
import GraphQL
import HTTPTypes
import Hummingbird
import Logging
import Prometheus
import Tracing

/// What a project hands the gateway besides its configuration: the executor built over its
/// resolvers, how to tell it is ready, and its data-source pools for gauges and load shedding.
/// The gateway knows nothing about pipelines or SQL.
public struct GatewayDependencies: Sendable {
    public var executor: Executor
    /// `/readyz` answers 200 only while this returns true (databases reachable, schema loaded).
    public var readiness: @Sendable () async -> Bool
    public var pools: [String: @Sendable () -> PoolUsage]
    /// The per-field result cache's counts, when the project has one.
    public var resultCache: (@Sendable () -> CacheUsage)?
    public var registry: PrometheusCollectorRegistry
    public var logger: Logger
    /// Spans go here; `nil` uses the process-wide tracer (a no-op until one is bootstrapped).
    public var tracer: (any Tracer)?
    /// Called with the bound port once the server accepts connections (useful with port 0).
    public var onListening: @Sendable (Int) async -> Void
    /// More Prometheus exposition text for `/metrics`, from parts of the process the gateway does
    /// not know (the queue monitor's gauges when `sluice serve --watch-queues` runs it).
    public var extraMetrics: (@Sendable () async -> String)?
    /// Wraps the execution of each query operation, for what the wiring knows and the gateway does
    /// not: `sluice serve` pins an idle database connection to the operation, and passes the
    /// connection's thread as the executor the operation's own tasks should prefer.
    public var queryScope: QueryScope?

    public typealias QueryScope = @Sendable (
        _ execute: @Sendable (_ preferredExecutor: (any TaskExecutor)?) async -> ExecutionResult
    ) async -> ExecutionResult

    public init(
        executor: Executor, readiness: @escaping @Sendable () async -> Bool = { true },
        pools: [String: @Sendable () -> PoolUsage] = [:], resultCache: (@Sendable () -> CacheUsage)? = nil,
        registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
        logger: Logger = Logger(label: "sluice.http"), tracer: (any Tracer)? = nil,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in },
        extraMetrics: (@Sendable () async -> String)? = nil, queryScope: QueryScope? = nil
    ) {
        self.queryScope = queryScope
        self.extraMetrics = extraMetrics
        self.tracer = tracer
        self.onListening = onListening
        self.executor = executor
        self.readiness = readiness
        self.pools = pools
        self.resultCache = resultCache
        self.registry = registry
        self.logger = logger
    }
}

/// Builds the HTTP application `sluice serve` runs and the tests drive: GraphQL at
/// `configuration.path`, `/healthz`, `/readyz` and `/metrics`.
public func buildApplication(
    configuration: GatewayConfiguration, dependencies: GatewayDependencies
) async throws -> some ApplicationProtocol {
    let router = try await buildRouter(configuration: configuration, dependencies: dependencies)
    return Application(
        router: router,
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port), serverName: "sluice"),
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? configuration.port
            dependencies.logger.notice("listening", metadata: ["host": .string(configuration.host), "port": "\(port)"])
            await dependencies.onListening(port)
        },
        logger: dependencies.logger)
}

/// The router alone, for tests that need no server.
public func buildRouter(
    configuration: GatewayConfiguration, dependencies: GatewayDependencies
) async throws -> Router<BasicRequestContext> {
    let metrics = GatewayMetrics(
        registry: dependencies.registry, pools: dependencies.pools, resultCache: dependencies.resultCache)
    let tracer = dependencies.tracer ?? InstrumentationSystem.tracer
    let executor = dependencies.executor.forGateway(
        limits: configuration.limits.operationLimits, logger: dependencies.logger, metrics: metrics, tracer: tracer)
    let handler = GraphQLHandler(
        configuration: configuration, executor: executor,
        authenticator: try await Authenticator(configuration: configuration.auth), metrics: metrics,
        tracer: tracer, logger: dependencies.logger, queryScope: dependencies.queryScope)
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: MetricsMiddleware())
    let path = RouterPath(configuration.path)
    let explorer = configuration.explorer ? ExplorerPage.html(endpoint: configuration.path) : nil
    router.get(path) { request, _ -> Response in
        if let explorer, ExplorerPage.wanted(by: request.headers[.accept]), request.uri.query == nil {
            var headers = HTTPFields()
            headers[.contentType] = "text/html; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: explorer)))
        }
        return await handler.handle(request, requestID: requestID(request))
    }
    router.post(path) { request, _ in await handler.handle(request, requestID: requestID(request)) }
    for method in [HTTPRequest.Method.put, .patch, .delete] {
        router.on(path, method: method) { request, _ in
            GraphQLHandler.response(
                GraphQLHandler.outcome(.methodNotAllowed("GraphQL is served with GET and POST.", allow: "GET, POST")),
                mediaType: .json, requestID: requestID(request))
        }
    }
    router.get("/healthz") { _, _ in plain(200, "ok\n") }
    router.get("/readyz") { _, _ in
        await dependencies.readiness() ? plain(200, "ready\n") : plain(503, "not ready\n")
    }
    router.get("/metrics") { _, _ in
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        var text = metrics.scrape(planCache: executor.cache, persistedQueries: handler.persistedQueries)
        if let extra = dependencies.extraMetrics { text += await extra() }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
    return router
}

private func plain(_ status: Int, _ text: String) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = "text/plain; charset=utf-8"
    return Response(
        status: HTTPResponse.Status(code: status), headers: headers,
        body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
}

/// The client's `x-request-id` when it is short and plain, else a fresh one.
private func requestID(_ request: Request) -> String {
    if let given = request.headers[HTTPField.Name("x-request-id")!], (1...64).contains(given.utf8.count),
        given.utf8.allSatisfy({
            $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
                || (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0)
        })
    {
        return given
    }
    return freshRequestID()
}

/// 128 random bits as 32 lowercase hex digits, written in one allocation.
private func freshRequestID() -> String {
    var generator = SystemRandomNumberGenerator()
    let words = (generator.next() as UInt64, generator.next() as UInt64)
    return String(unsafeUninitializedCapacity: 32) { buffer in
        let digits: StaticString = "0123456789abcdef"
        for index in 0..<32 {
            let word = index < 16 ? words.0 : words.1
            let nibble = Int((word >> UInt64(60 - 4 * (index % 16))) & 0xF)
            buffer[index] = digits.utf8Start[nibble]
        }
        return 32
    }
}
