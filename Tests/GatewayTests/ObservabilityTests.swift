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
@Suite("Observability", .needsDatabase)
struct ObservabilityTests {
    @Test("metrics count requests by operation type and status, errors by code, cache hits and pool gauges")
    func metrics() async throws {
        let registry = PrometheusCollectorRegistry()
        let project = try await FixtureProject.open(poolSize: 2)
        let app = try await GatewayFixture.application(registry: registry, project: project)
        try await app.test(.live) { client in
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
                    // Two requests one after the other share one connection, idle again now.
                    #"db_pool_connections{pool="main",state="in_use"} 0.0"#,
                    #"db_pool_connections{pool="main",state="idle"} 1.0"#,
                    #"db_pool_connections{pool="main",state="waiting"} 0.0"#,
                    #"graphql_request_duration_seconds_count{operation_type="query"} 2"#,
                ] {
                    #expect(lines.contains(expected), "missing \(expected)")
                }
            }
        }
        await project.close()
    }

    @Test("metrics time each resolver by field and count statements by data source and outcome")
    func resolverAndStatementMetrics() async throws {
        let registry = PrometheusCollectorRegistry()
        let project = try await FixtureProject.open(poolSize: 2)
        let app = try await GatewayFixture.application(registry: registry, project: project)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            // Two users with their friends: one resolver call per level, so one statement each.
            for query in ["{ users(first: 2) { friends { id } } }", "{ hello }", "{ boom }"] {
                _ = try await GatewayFixture.post(query, port: port)
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let lines = Set(response.text.split(separator: "\n").map(String.init))
                for expected in [
                    #"graphql_resolver_duration_seconds_count{field="Query.users"} 1"#,
                    #"graphql_resolver_duration_seconds_count{field="User.friends"} 1"#,
                    #"graphql_resolver_duration_seconds_count{field="Query.hello"} 1"#,
                    #"graphql_resolver_duration_seconds_count{field="Query.boom"} 1"#,
                    #"db_statements_total{pool="main",status="ok"} 3"#,
                    #"db_statements_total{pool="main",status="error"} 1"#,
                    #"db_statement_duration_seconds_count{pool="main"} 4"#,
                ] {
                    #expect(lines.contains(expected), "missing \(expected)")
                }
                #expect(
                    lines.contains(#"graphql_resolver_duration_seconds_count{field="Query.me"} 0"#),
                    "every pipeline has its series from the start")
            }
        }
        await project.close()
    }

    @Test("a cached field answers its second request without a statement, and the hit shows on /metrics")
    func resultCacheMetrics() async throws {
        let registry = PrometheusCollectorRegistry()
        let project = try await FixtureProject.open(poolSize: 1)
        let app = try await GatewayFixture.application(registry: registry, project: project)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            for name in ["Ada", "Ada", "Grace"] {
                let response = try await GatewayFixture.post(#"{ cachedHello(name: "\#(name)") }"#, port: port)
                #expect(response.text == #"{"data":{"cachedHello":"Hello, \#(name)!"}}"#)
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let lines = Set(response.text.split(separator: "\n").map(String.init))
                for expected in [
                    #"db_statements_total{pool="main",status="ok"} 2"#,
                    "graphql_result_cache_entries 2.0",
                    "graphql_result_cache_hit_ratio 0.3333333333333333",
                    #"graphql_resolver_duration_seconds_count{field="Query.cachedHello"} 3"#,
                ] {
                    #expect(lines.contains(expected), "missing \(expected)")
                }
            }
        }
        await project.close()
    }

    /// The rows of docs/observability.md's metrics table: series name and label names.
    static func documentedSeries() throws -> [(name: String, labels: [String])] {
        let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/observability.md")
        return try String(contentsOf: page, encoding: .utf8).split(separator: "\n").compactMap { line in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count > 3, cells[1].hasPrefix("`") else { return nil }
            let labels = cells[2].split(separator: ",").map { $0.trimmingCharacters(in: .init(charactersIn: " `")) }
            return (cells[1].trimmingCharacters(in: .init(charactersIn: "`")), labels.filter { !$0.isEmpty })
        }
    }

    @Test("every series docs/observability.md lists is on /metrics, with the labels it lists")
    func documentedMetrics() async throws {
        let documented = try Self.documentedSeries()
        #expect(documented.count >= 11, "the table was read")
        let registry = PrometheusCollectorRegistry()
        let project = try await FixtureProject.open(poolSize: 2)
        let app = try await GatewayFixture.application(registry: registry, project: project)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            for query in ["{ users(first: 2) { friends { id } } }", "{ boom }"] {
                _ = try await GatewayFixture.post(query, port: port)
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let lines = response.text.split(separator: "\n")
                for (name, labels) in documented {
                    let samples = lines.filter { $0.hasPrefix(name + "{") || $0.hasPrefix(name + " ")
                        || $0.hasPrefix(name + "_count{") || $0.hasPrefix(name + "_count ") }
                    #expect(!samples.isEmpty, "no samples of \(name)")
                    for label in labels {
                        #expect(samples.contains { $0.contains(label + "=\"") }, "\(name) has no label \(label)")
                    }
                }
            }
        }
        await project.close()
    }

    @Test("health, and readiness from a real ping", arguments: [true, false])
    func health(reachable: Bool) async throws {
        // A closed port stands for an unreachable database.
        let url = reachable ? nil : "mysql://sluice:x@127.0.0.1:\(try FreePort.take())/sluice?connect-timeout=2"
        let project = try await FixtureProject.open(url: url, poolSize: 1)
        let app = try await GatewayFixture.application(project: project)
        try await app.test(.live) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text == "ok\n")
            }
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status.code == (reachable ? 200 : 503))
                #expect(response.text == (reachable ? "ready\n" : "not ready\n"))
            }
        }
        await project.close()
    }

    @Test("JSON log lines carry the request id")
    func jsonLogs() async throws {
        let lines = LockedLines()
        var dependencies = try await GatewayFixture.dependencies()
        dependencies.logger = Logger(label: "sluice.http") { label in
            JSONLogHandler(label: label) { lines.append($0) }
        }
        let app = try await buildApplication(configuration: GatewayConfiguration(port: 0), dependencies: dependencies)
        try await app.test(.live) { client in
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

}

/// The JSON log handler's escaping and the Prometheus name sanitiser: no server needed.
@Suite("Log lines and metric names")
struct LogAndMetricNameTests {
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
