import Gateway
import Pipelines
import Prometheus

// How a project's pipelines report to the gateway's metrics and spans.

extension StatementTelemetry {
    /// Series and span endpoints for every data source of the project, on the gateway's registry.
    convenience init(_ config: ProjectConfig, registry: PrometheusCollectorRegistry) {
        self.init(registry: registry, endpoints: config.dataSources.mapValues { source in
            let database = source.configuration
            return StatementTelemetry.Endpoint(
                address: database.socket ?? database.host, port: database.port, database: database.database)
        })
    }

    /// Hands a pipeline's statement trace over.
    func statementFinished(_ trace: StatementTrace) {
        statementFinished(dataSource: trace.dataSource, sql: trace.sql, duration: trace.duration, error: trace.error)
    }
}

extension ResultCache.Statistics {
    /// What the gateway's cache gauges read.
    var usage: CacheUsage { CacheUsage(hits: hits, misses: misses, entries: entries) }
}
