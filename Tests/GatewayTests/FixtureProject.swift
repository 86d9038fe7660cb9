import Foundation
import Gateway
import GraphQL
import Logging
import MariaDB
import Pipelines
import Prometheus
import Tracing

/// The fixture project (`Fixtures/Project`: Schema, Resolvers, sluice.yaml) loaded the way
/// `sluice serve` loads a project, its pipelines running against a real MariaDB.
struct FixtureProject: Sendable {
    let project: PipelineProject
    let dataSources: DataSources
    /// One per project, as `sluice serve` keeps one per running project.
    let resultCache: ResultCache

    /// Loads the project with its `main` data source at `url` (default: this target's database).
    ///
    /// Each data source's `max_statement_time` defaults to `statementTimeout`, as `sluice serve`
    /// sets it to the request timeout.
    static func open(
        url: String? = nil, poolSize: Int = 4, statementTimeout: Duration = RequestLimits().timeout,
        acquireTimeout: Duration = .seconds(5)
    ) async throws -> FixtureProject {
        let databaseURL: String
        if let url { databaseURL = url } else { databaseURL = try await GatewayDatabase.shared.url() }
        let project = try PipelineProject.load(
            root: GatewayFixture.projectRoot.path,
            environment: ["DB_URL": databaseURL, "DB_POOL_SIZE": String(poolSize)])
        var pools = [String: ConnectionPool]()
        for (name, source) in project.config.dataSources {
            var configuration = source.configuration
            configuration.statementTimeout = configuration.statementTimeout ?? statementTimeout
            pools[name] = ConnectionPool(
                configuration: configuration, size: source.poolSize, acquireTimeout: acquireTimeout,
                logger: TestDatabase.logger)
        }
        return FixtureProject(
            project: project, dataSources: DataSources(pools: pools), resultCache: ResultCache(project.config.caches))
    }

    /// What the gateway is handed, wired as `sluice serve` wires it.
    func dependencies(
        registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), tracer: (any Tracer)? = nil
    ) -> GatewayDependencies {
        var logger = Logger(label: "sluice.http")
        logger.logLevel = .critical
        let sources = dataSources
        let statements = StatementTelemetry(
            registry: registry, endpoints: project.config.dataSources.mapValues { source in
                StatementTelemetry.Endpoint(
                    address: source.configuration.host, port: source.configuration.port,
                    database: source.configuration.database)
            }, tracer: tracer)
        let observer = StatementSink { trace in
            statements.statementFinished(
                dataSource: trace.dataSource, sql: trace.sql, duration: trace.duration, error: trace.error)
        }
        return GatewayDependencies(
            executor: project.pipelines.executor(PipelineEnvironment(
                dataSources: sources, mode: project.config.mode, observer: observer, resultCache: resultCache)),
            readiness: {
                for pool in sources.pools.values {
                    do { try await pool.withConnection { try await $0.ping() } } catch { return false }
                }
                return true
            },
            pools: sources.pools.mapValues { pool in
                { @Sendable in
                    let counts = pool.counts
                    return PoolUsage(
                        inUse: counts.inUse + counts.opening, idle: counts.idle, waiting: counts.waiting,
                        capacity: pool.size)
                }
            },
            resultCache: { [resultCache] in
                let statistics = resultCache.statistics
                return CacheUsage(hits: statistics.hits, misses: statistics.misses, entries: statistics.entries)
            },
            registry: registry, logger: logger, tracer: tracer,
            queryScope: { execute in await sources.withPinnedConnection(execute) })
    }

    func close() async { await dataSources.close() }
}

/// The one fixture project most suites share (its pool of 8 serves them all).
actor SharedFixture {
    static let shared = SharedFixture()
    private var opened: Task<FixtureProject, any Error>?

    func project() async throws -> FixtureProject {
        if let opened { return try await opened.value }
        let task = Task { try await FixtureProject.open(poolSize: 8) }
        opened = task
        return try await task.value
    }
}
