import ArgumentParser
import Foundation
import Gateway
import GraphQL
import Hummingbird
import Logging
import MariaDB
import Metrics
import Pipelines
import Prometheus
import ServiceLifecycle

/// `sluice serve`: the HTTP gateway clients talk to.
///
/// It serves the project: `Schema/`, `Resolvers/` and the data sources of `sluice.yaml`, every field
/// with a pipeline running it against the database. With `--root-value` it serves a schema in mock
/// mode instead, every field reading its parent by name. SIGTERM and SIGINT stop accepting
/// connections, let in-flight requests finish, then exit 0.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the project's schema over GraphQL-over-HTTP.",
        discussion: """
            Endpoints: POST/GET /graphql, GET /healthz, GET /readyz, GET /metrics.
            Serves PROJECT's Schema/, Resolvers/ and sluice.yaml (data source URLs from the environment,
            e.g. DB_URL). Exits 2 when the project does not load, listing every problem.
            sluice.yaml's server, limits and auth sections configure the HTTP edge; flags override them.
            Mock mode: --root-value FILE.json is the root object; every field reads its parent by name.
            """
    )

    @Option(name: .customLong("project"), help: "The project directory (its Schema/ is served by default).")
    var project: String = "."

    @Option(name: .customLong("host"), help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(name: .customLong("port"), help: "Port to listen on (0 picks a free one).")
    var port: Int = 8080

    @Option(name: .customLong("schema"), help: "Mock mode's SDL file or directory (default: PROJECT/Schema).")
    var schema: String?

    @Option(name: .customLong("root-value"), help: "A JSON file holding the root value (mock mode).")
    var rootValue: String?

    @Option(name: .customLong("status-profile"), help: "audit (default) or draft.")
    var statusProfile: String?

    @Option(name: .customLong("batch-max"), help: "Accept batched (array) requests of at most this many entries.")
    var batchMax: Int?

    @Flag(name: .customLong("introspection"), help: "Answer introspection queries (off in production).")
    var introspection = false

    @Flag(
        name: .customLong("watch-queues"),
        help: "Also run the queue monitor of sluice.yaml's queues: section: alert lines on stdout, gauges on /metrics.")
    var watchQueues = false

    @Flag(name: .customLong("explorer"), help: "Serve the explorer page to browsers on GET /graphql.")
    var explorer = false

    @Option(name: .customLong("log-format"), help: "json (default) or text.")
    var logFormat: String = "json"

    @Option(
        name: .customLong("api-keys-env"),
        help: "An environment variable holding API keys as KEY:SUBJECT pairs separated by commas.")
    var apiKeysEnv: String?

    @Option(name: .customLong("jwks"), help: "A JWKS file whose keys (each with kid and alg) verify bearer tokens.")
    var jwks: String?

    @Option(name: .customLong("jwt-issuer"), help: "The iss every bearer token must carry.")
    var jwtIssuer: String?

    @Option(name: .customLong("jwt-audience"), help: "The aud every bearer token must name.")
    var jwtAudience: String?

    @Flag(name: .customLong("allow-anonymous"), help: "Let callers without credentials in when keys are configured.")
    var allowAnonymous = false

    @Option(
        name: .customLong("max-pool-waiters"),
        help: """
            Answer 503 with Retry-After when a pool is exhausted and this many requests already wait for it \
            (default: 4 per pooled connection).
            """)
    var maxPoolWaiters: Int?

    func validate() throws {
        if let statusProfile, StatusProfile(rawValue: statusProfile) == nil {
            throw ValidationError("--status-profile must be audit or draft")
        }
        if schema != nil && rootValue == nil {
            throw ValidationError(
                "--schema is for mock mode and needs --root-value; the project's Schema/ is served otherwise")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard ["json", "text"].contains(logFormat) else { throw ValidationError("--log-format must be json or text") }
        if let maxPoolWaiters, maxPoolWaiters < 0 {
            throw ValidationError("--max-pool-waiters must be 0 or more")
        }
        if let batchMax, !(1...100).contains(batchMax) {
            throw ValidationError("--batch-max must be between 1 and 100")
        }
    }

    func run() async throws {
        let json = logFormat == "json"
        LoggingSystem.bootstrap { label in
            json ? JSONLogHandler(label: label) as any LogHandler : StreamLogHandler.standardError(label: label)
        }
        let logger = Logger(label: "sluice.http")
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory.sanitized(registry: registry))

        var root = GraphQLValue.object([:])
        if let rootValue { root = try Self.readRootValue(rootValue) }
        let configuration = try gatewayConfiguration(rootValue: root)
        var dependencies: GatewayDependencies
        var dataSources: DataSources?
        if rootValue != nil {
            dependencies = GatewayDependencies(executor: try mockExecutor(), registry: registry, logger: logger)
        } else {
            let project = try loadProject()
            let sources = Self.dataSources(
                project.config, statementTimeout: configuration.limits.timeout, logger: Logger(label: "sluice.db"))
            dataSources = sources
            let statements = StatementTelemetry(project.config, registry: registry)
            let observer = StatementSink { statements.statementFinished($0) }
            let results = ResultCache(project.config.caches)
            let cacheUsage: (@Sendable () -> CacheUsage)? =
                results.isEnabled ? { @Sendable in results.statistics.usage } : nil
            dependencies = GatewayDependencies(
                executor: project.pipelines.executor(PipelineEnvironment(
                    dataSources: sources, mode: project.config.mode, observer: observer, resultCache: results)),
                readiness: { await Self.reachable(sources) },
                pools: sources.pools.mapValues { pool in
                    { @Sendable in
                        let counts = pool.counts
                        return PoolUsage(
                            inUse: counts.inUse + counts.opening, idle: counts.idle, waiting: counts.waiting,
                            capacity: pool.size)
                    }
                },
                resultCache: cacheUsage,
                registry: registry, logger: logger,
                queryScope: { execute in await sources.withPinnedConnection(execute) })
        }
        let monitor = watchQueues ? try QueueMonitorService(project: project) : nil
        if let monitor { dependencies.extraMetrics = monitor.metrics }
        let application = try await buildApplication(configuration: configuration, dependencies: dependencies)
        let services: [any Service] = [application] + (monitor.map { [$0] } ?? [])
        let group = ServiceGroup(
            configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        await dataSources?.close()
    }

    /// The project's schema and pipelines, or exit 2 with every problem found.
    private func loadProject() throws -> PipelineProject {
        do {
            return try PipelineProject.load(root: project, environment: ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(2)
        }
    }

    /// Mock mode's executor: the schema alone, every field read from its parent.
    private func mockExecutor() throws -> Executor {
        let schemaPath = schema ?? (project as NSString).appendingPathComponent("Schema")
        do {
            return Executor(schema: try Schema(sources: try SchemaCommand.Print.sources(at: [schemaPath])))
        } catch {
            FileHandle.standardError.write(Data("sluice serve: --schema \(schemaPath): \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    private static func readRootValue(_ path: String) throws -> GraphQLValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("sluice serve: --root-value: cannot read \(path)\n".utf8))
            throw ExitCode(2)
        }
        var parser = JSONValueParser(bytes: Array(data))
        do {
            return try parser.parse()
        } catch {
            FileHandle.standardError.write(Data("sluice serve: --root-value \(path): invalid JSON at \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// `sluice.yaml`'s server, limits and auth sections (in project mode), then the flags given.
    private func gatewayConfiguration(rootValue: GraphQLValue) throws -> GatewayConfiguration {
        var configuration = GatewayConfiguration(host: host, port: port, rootValue: GraphQLValueBox(rootValue))
        let file = (project as NSString).appendingPathComponent("sluice.yaml")
        if self.rootValue == nil, let data = FileManager.default.contents(atPath: file) {
            do {
                configuration = try GatewaySettings.apply(
                    String(decoding: data, as: UTF8.self), environment: ProcessInfo.processInfo.environment,
                    readFile: { path in
                        let full = path.hasPrefix("/") ? path : (project as NSString).appendingPathComponent(path)
                        return FileManager.default.contents(atPath: full).map { String(decoding: $0, as: UTF8.self) }
                    }, to: configuration)
            } catch {
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                throw ExitCode(2)
            }
        }
        if let statusProfile { configuration.statusProfile = StatusProfile(rawValue: statusProfile) ?? .audit }
        if let batchMax { configuration.maxBatchSize = batchMax }
        if introspection { configuration.introspection = true }
        if explorer { configuration.explorer = true }
        if let maxPoolWaiters { configuration.maxPoolWaiters = maxPoolWaiters }
        let flags = try auth()
        if !flags.apiKeys.isEmpty { configuration.auth.apiKeys = flags.apiKeys }
        if let jwt = flags.jwt { configuration.auth.jwt = jwt }
        if let allowAnonymous = flags.allowAnonymous { configuration.auth.allowAnonymous = allowAnonymous }
        return configuration
    }

    /// One pool per data source. No statement outlives the request that runs it: a data source
    /// without its own `statement-timeout` gets the request timeout as its `max_statement_time`.
    static func dataSources(_ config: ProjectConfig, statementTimeout: Duration, logger: Logger) -> DataSources {
        var pools = [String: ConnectionPool]()
        for (name, source) in config.dataSources {
            var configuration = source.configuration
            configuration.statementTimeout = configuration.statementTimeout ?? statementTimeout
            pools[name] = ConnectionPool(configuration: configuration, size: source.poolSize, logger: logger)
        }
        return DataSources(pools: pools)
    }

    /// Ready while every data source answers a ping.
    private static func reachable(_ sources: DataSources) async -> Bool {
        for pool in sources.pools.values {
            do {
                try await pool.withConnection { connection in try await connection.ping() }
            } catch {
                return false
            }
        }
        return true
    }

    /// Credentials from the environment and files; secrets never appear on the command line.
    private func auth() throws -> AuthConfiguration {
        var keys = [AuthConfiguration.APIKey]()
        if let apiKeysEnv {
            guard let value = ProcessInfo.processInfo.environment[apiKeysEnv] else {
                throw ValidationError("--api-keys-env: \(apiKeysEnv) is not set")
            }
            for pair in value.split(separator: ",") {
                let parts = pair.split(separator: ":", maxSplits: 1)
                guard parts.count == 2, !parts[0].isEmpty else {
                    throw ValidationError("--api-keys-env: \(apiKeysEnv) must hold KEY:SUBJECT pairs")
                }
                keys.append(
                    AuthConfiguration.APIKey(key: String(parts[0]), identity: ["sub": .string(String(parts[1]))]))
            }
        }
        var jwt: JWTConfiguration?
        if let jwks {
            guard let data = FileManager.default.contents(atPath: jwks), let text = String(data: data, encoding: .utf8)
            else { throw ValidationError("--jwks: cannot read \(jwks)") }
            jwt = JWTConfiguration(jwks: text, issuer: jwtIssuer, audience: jwtAudience)
        }
        return AuthConfiguration(apiKeys: keys, jwt: jwt, allowAnonymous: allowAnonymous ? true : nil)
    }
}
