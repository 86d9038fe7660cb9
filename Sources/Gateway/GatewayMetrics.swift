import GraphQL
import Prometheus
import Synchronization

/// The gateway's Prometheus series, on a registry the caller owns (so each test has its own).
///
/// Names are snake_case in base units. Labels are bounded: operation type, status code, error
/// code; never operation names, which clients choose.
final class GatewayMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    private let pools: [String: @Sendable () -> PoolUsage]
    private let resultCache: (@Sendable () -> CacheUsage)?
    /// The per-request series, made once per label set: building descriptors and labels on every
    /// request showed in the load profile.
    private let requestSeries = Mutex<[RequestLabels: RequestSeries]>([:])
    private let errorSeries = Mutex<[String: Counter]>([:])

    private struct RequestLabels: Hashable {
        let operationType: OperationType?
        let status: Int
    }

    private struct RequestSeries {
        let requests: Counter
        let duration: DurationHistogram
    }
    static let durationBuckets: [Duration] = [
        .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
        .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
        .milliseconds(500), .seconds(1), .seconds(2), .seconds(5), .seconds(10),
    ]

    init(
        registry: PrometheusCollectorRegistry, pools: [String: @Sendable () -> PoolUsage],
        resultCache: (@Sendable () -> CacheUsage)? = nil
    ) {
        self.registry = registry
        self.pools = pools
        self.resultCache = resultCache
    }

    /// One finished GraphQL request (each batch entry counts as one).
    func record(operationType: OperationType?, status: Int, duration: Duration, errorCodes: [String]) {
        let series = requestSeries.withLock { cached in
            let labels = RequestLabels(operationType: operationType, status: status)
            if let series = cached[labels] { return series }
            let series = makeRequestSeries(operationType: operationType, status: status)
            cached[labels] = series
            return series
        }
        series.requests.increment()
        series.duration.record(duration)
        for code in errorCodes {
            errorSeries.withLock { cached in
                if let counter = cached[code] { return counter }
                let counter = registry.makeCounter(
                    descriptor: Self.name("graphql_errors", "total", "GraphQL errors by extensions.code."),
                    labels: [("code", code)])
                cached[code] = counter
                return counter
            }.increment()
        }
    }

    private func makeRequestSeries(operationType: OperationType?, status: Int) -> RequestSeries {
        let type = operationType?.rawValue ?? "unknown"
        return RequestSeries(
            requests: registry.makeCounter(
                descriptor: Self.name("graphql_requests", "total", "GraphQL requests by operation type and HTTP status."),
                labels: [("operation_type", type), ("status", String(status))]),
            duration: registry.makeDurationHistogram(
                descriptor: Self.name("graphql_request_duration", "seconds", "Time from request to response."),
                labels: [("operation_type", type)], buckets: Self.durationBuckets))
    }

    /// The time series of one resolver, by field coordinate (bounded by the schema, not by clients).
    func resolverDuration(_ coordinate: String) -> DurationHistogram {
        registry.makeDurationHistogram(
            descriptor: Self.name(
                "graphql_resolver_duration", "seconds",
                "Time per resolver call; one call serves every parent of an execution level."),
            labels: [("field", coordinate)], buckets: Self.durationBuckets)
    }

    /// Brings the sampled gauges up to date, then renders the exposition text.
    func scrape(planCache: PlanCache, persistedQueries: PersistedQueryStore?) -> String {
        let plans = planCache.statistics
        gauge("graphql_plan_cache", "entries", "Documents held by the plan cache.").set(Double(plans.count))
        gauge("graphql_plan_cache_hit", "ratio", "Plan cache hits over lookups.")
            .set(Self.ratio(plans.hits, plans.misses))
        if let persistedQueries {
            let stored = persistedQueries.statistics
            gauge("graphql_persisted_queries", "bytes", "Query text held for APQ.").set(Double(stored.bytes))
            gauge("graphql_persisted_query_hit", "ratio", "APQ hash lookups that found a query.")
                .set(Self.ratio(stored.hits, stored.misses))
        }
        if let resultCache {
            let now = resultCache()
            gauge("graphql_result_cache", "entries", "Field results held by the per-field result cache.")
                .set(Double(now.entries))
            gauge("graphql_result_cache_hit", "ratio", "Cached-field lookups answered from the result cache.")
                .set(Self.ratio(now.hits, now.misses))
        }
        for (name, usage) in pools.sorted(by: { $0.key < $1.key }) {
            let now = usage()
            for (state, value) in [("in_use", now.inUse), ("idle", now.idle), ("waiting", now.waiting)] {
                gauge(
                    "db_pool", "connections", "Pool connections by state; waiting counts requests queued for one.",
                    labels: [("pool", name), ("state", state)]
                ).set(Double(value))
            }
        }
        return registry.emitToString()
    }

    private func gauge(_ metric: String, _ unit: String, _ help: String, labels: [(String, String)] = []) -> Gauge {
        registry.makeGauge(descriptor: Self.name(metric, unit, help), labels: labels)
    }

    /// True when a pool is exhausted and at least `maxWaiters` requests already queue for it
    /// (`nil`: a multiple of its size): a request admitted now would only wait, so it is refused
    /// before execution instead.
    func poolsOverloaded(maxWaiters: Int?) -> Bool {
        pools.values.contains { pool in
            let usage = pool()
            guard usage.isExhausted else { return false }
            let limit = maxWaiters
                ?? usage.capacity.map { $0 * GatewayConfiguration.defaultWaitersPerConnection } ?? Int.max
            return usage.waiting >= limit
        }
    }

    private static func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: metric, unitName: unit, helpText: help)
    }

    private static func ratio(_ hits: Int, _ misses: Int) -> Double {
        hits + misses == 0 ? 0 : Double(hits) / Double(hits + misses)
    }
}
