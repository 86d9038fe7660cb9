import Foundation
import Gateway
import GraphQL
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Prometheus
import Testing

/// `/metrics`, `/healthz`, `/readyz` and the JSON log lines.
@Suite("Observability")
struct ObservabilityTests {
    @Test("metrics count requests by operation type and status, errors by code, cache hits and pool gauges")
    func metrics() async throws {
        let registry = PrometheusCollectorRegistry()
        var dependencies = GatewayFixture.dependencies(registry: registry)
        dependencies.pools = ["main": { PoolUsage(inUse: 3, idle: 2, waiting: 1) }]
        var configuration = GatewayConfiguration()
        configuration.port = 0
        let app = try await buildApplication(configuration: configuration, dependencies: dependencies)
        try await app.test(.router) { client in
            for body in [#"{"query":"{ hello }"}"#, #"{"query":"{ hello }"}"#, #"{"query":"{ nope }"}"#] {
                try await client.execute(
                    uri: "/graphql", method: .post, headers: GatewayFixture.postJSON, body: ByteBuffer(string: body))
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.contentType == "text/plain; version=0.0.4; charset=utf-8")
                let lines = Set(response.text.split(separator: "\n").map(String.init))
                for expected in [
                    #"graphql_requests_total{operation_type="query",status="200"} 2"#,
                    #"graphql_requests_total{operation_type="unknown",status="200"} 1"#,
                    #"graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"} 1"#,
                    "graphql_plan_cache_hit_ratio 0.3333333333333333",
                    "graphql_plan_cache_entries 1.0",
                    #"db_pool_connections{pool="main",state="in_use"} 3.0"#,
                    #"db_pool_connections{pool="main",state="idle"} 2.0"#,
                    #"db_pool_connections{pool="main",state="waiting"} 1.0"#,
                    #"graphql_request_duration_seconds_count{operation_type="query"} 2"#,
                ] {
                    #expect(lines.contains(expected), "missing \(expected)")
                }
            }
        }
    }

    @Test("load shedding: 503 with Retry-After while too many requests wait for a pool")
    func loadShedding() async throws {
        var dependencies = GatewayFixture.dependencies()
        dependencies.pools = ["main": { PoolUsage(inUse: 10, idle: 0, waiting: 8) }]
        let configuration = GatewayConfiguration(port: 0, maxPoolWaiters: 8, retryAfterSeconds: 2)
        let app = try await buildApplication(configuration: configuration, dependencies: dependencies)
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/graphql", method: .post, headers: GatewayFixture.postJSON,
                body: ByteBuffer(string: #"{"query":"{ hello }"}"#)
            ) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "2")
                #expect(response.errorCodes == ["SERVICE_UNAVAILABLE"])
            }
        }
    }

    @Test("health and readiness", arguments: [true, false])
    func health(ready: Bool) async throws {
        var dependencies = GatewayFixture.dependencies()
        dependencies.readiness = { ready }
        let app = try await buildApplication(configuration: GatewayConfiguration(port: 0), dependencies: dependencies)
        try await app.test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text == "ok\n")
            }
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status.code == (ready ? 200 : 503))
            }
        }
    }

    @Test("JSON log lines carry the request id")
    func jsonLogs() async throws {
        let lines = LockedLines()
        var dependencies = GatewayFixture.dependencies()
        dependencies.logger = Logger(label: "sluice.http") { label in
            JSONLogHandler(label: label) { lines.append($0) }
        }
        let app = try await buildApplication(configuration: GatewayConfiguration(port: 0), dependencies: dependencies)
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/graphql", method: .post,
                headers: [.contentType: "application/json", HTTPField.Name("x-request-id")!: "abc-1"],
                body: ByteBuffer(string: #"{"query":"{ hello }"}"#))
        }
        let line = try #require(lines.all.first { $0.contains("graphql request") })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["request.id"] as? String == "abc-1")
        #expect(object["level"] as? String == "info")
        #expect(object["label"] as? String == "sluice.http")
        #expect(object["graphql.operation.type"] as? String == "query")
        #expect(object["http.status"] as? String == "200")
        #expect(line.hasSuffix("}\n"))
    }

    @Test(
        "JSON string escaping",
        arguments: [
            ("plain", #""plain""#), ("q\"uote", #""q\"uote""#), ("back\\slash", #""back\\slash""#),
            ("line\nbreak", #""line\nbreak""#), ("\u{01}", #""\u0001""#), ("é🏊", #""é🏊""#),
        ])
    func escaping(input: String, expected: String) {
        #expect(JSONLogHandler.quoted(input) == expected)
    }

    @Test(
        "Prometheus names from libraries are sanitised",
        arguments: [
            ("http.server.request.duration", "http_server_request_duration"), ("hb.requests", "hb_requests"),
            ("already_fine:total", "already_fine:total"), ("a-b c", "a_b_c"),
        ])
    func sanitizer(name: String, expected: String) {
        let factory = PrometheusMetricsFactory.sanitized(registry: PrometheusCollectorRegistry())
        #expect(factory.nameAndLabelSanitizer(name, []).0 == expected)
    }
}

/// Log lines captured from handlers that may run on any thread.
final class LockedLines: @unchecked Sendable {
    // @unchecked Sendable invariant: `lines` is only touched while `lock` is held.
    private let lock = NSLock()
    private var lines = [String]()

    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
