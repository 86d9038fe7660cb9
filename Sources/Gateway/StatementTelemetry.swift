import Prometheus
import Tracing

/// Counts and times the SQL statements a project's resolvers run, and gives each one a client span
/// under its resolver's span, with OpenTelemetry's database attribute names.
///
/// The gateway knows nothing about pipelines: whoever wires the project hands every finished
/// statement here. The text is the prepared statement's, with `?` placeholders, so a span never
/// carries a bound value.
public final class StatementTelemetry: Sendable {
    /// Where a data source's statements go, for `server.address` and `db.namespace`.
    public struct Endpoint: Sendable {
        public var address: String
        public var port: Int
        public var database: String?

        public init(address: String, port: Int, database: String?) {
            self.address = address
            self.port = port
            self.database = database
        }
    }

    private struct Series: Sendable {
        let succeeded: Counter
        let failed: Counter
        let duration: DurationHistogram
        let endpoint: Endpoint?
    }

    private let series: [String: Series]
    /// `nil` when spans would go nowhere (the no-op tracer), so statements skip building them.
    private let tracer: (any Tracer)?

    /// One set of series per data source named in `endpoints`; statements of other names are not
    /// counted. `tracer` defaults to the process-wide one, read once here (bootstrap it first).
    public init(registry: PrometheusCollectorRegistry, endpoints: [String: Endpoint], tracer: (any Tracer)? = nil) {
        let tracer = tracer ?? InstrumentationSystem.tracer
        self.tracer = tracer is NoOpTracer ? nil : tracer
        var series = [String: Series]()
        for (name, endpoint) in endpoints {
            let counted = { (status: String) in
                registry.makeCounter(
                    descriptor: MetricNameDescriptor(
                        metricName: "db_statements", unitName: "total",
                        helpText: "SQL statements run by resolvers, by data source and outcome."),
                    labels: [("pool", name), ("status", status)])
            }
            series[name] = Series(
                succeeded: counted("ok"), failed: counted("error"),
                duration: registry.makeDurationHistogram(
                    descriptor: MetricNameDescriptor(
                        metricName: "db_statement_duration", unitName: "seconds",
                        helpText: "Time per SQL statement as a resolver saw it, waiting for a connection included."),
                    labels: [("pool", name)], buckets: GatewayMetrics.durationBuckets),
                endpoint: endpoint)
        }
        self.series = series
    }

    /// One statement that ran for `duration` and has just finished.
    public func statementFinished(dataSource: String, sql: String, duration: Duration, error: String?) {
        guard let series = series[dataSource] else { return }
        (error == nil ? series.succeeded : series.failed).increment()
        series.duration.record(duration)
        guard let tracer else { return }
        let end = DefaultTracerClock.now
        let elapsed = UInt64(max(0, duration.components.seconds)) * 1_000_000_000
            + UInt64(max(0, duration.components.attoseconds / 1_000_000_000))
        let start = DefaultTracerClock.Timestamp(
            nanosecondsSinceEpoch: end.nanosecondsSinceEpoch - min(elapsed, end.nanosecondsSinceEpoch))
        let operation = Self.operationName(sql)
        let target = series.endpoint?.database
        // Semantic conventions: "{db.operation.name} {target}", falling back to the system name.
        let name = operation.map { op in target.map { op + " " + $0 } ?? op } ?? "mysql"
        let span = tracer.startSpan(name, context: ServiceContext.current ?? .topLevel, ofKind: .client, at: start)
        span.attributes["db.system.name"] = "mysql"
        span.attributes["db.query.text"] = sql
        if let operation { span.attributes["db.operation.name"] = operation }
        if let target { span.attributes["db.namespace"] = target }
        if let endpoint = series.endpoint {
            span.attributes["server.address"] = endpoint.address
            span.attributes["server.port"] = endpoint.port
        }
        if let error {
            span.attributes["error.type"] = "_OTHER"
            span.setStatus(SpanStatus(code: .error, message: error))
        }
        span.end(at: end)
    }

    /// The statement's leading keyword (`SELECT`, `INSERT`, …), when it starts with one.
    static func operationName(_ sql: String) -> String? {
        let keyword = sql.drop { $0.isWhitespace || $0 == "(" }.prefix { $0.isLetter }
        return keyword.isEmpty ? nil : keyword.uppercased()
    }
}
