import AsyncHTTPClient
import Foundation
import Logging
import Testing
@testable import QueueMonitor

@Suite struct MetricsEndpointTests {
    private struct FixedSource: QueueSource {
        let name = "jobs-db"
        func poll(baselines: [String: Int]) async throws -> SourcePoll {
            SourcePoll(figures: [QueueFigures(source: name, queue: "mail", oldestAge: 12, messages: ["ready": 3])],
                       findings: [AlertScenario.abandoned])
        }
    }

    @Test func servesTheWatchersGaugesOverHTTP() async throws {
        let watcher = QueueWatcher(sources: [FixedSource()], configuration: .init(heartbeatInterval: 0),
                                   logger: Logger(label: "test"))
        _ = await watcher.evaluate(at: AlertScenario.start)
        let server = try await LoopbackHTTPServer.start(port: 0) { request in
            guard request.path == "/metrics" else { return .init(status: 404, body: "not found\n") }
            return .init(body: await watcher.metrics().render())
        }
        let response = try await HTTPClient.shared.execute(
            HTTPClientRequest(url: "http://127.0.0.1:\(server.port)/metrics"), timeout: .seconds(5))
        let body = String(buffer: try await response.body.collect(upTo: 1 << 20))
        let missing = try await HTTPClient.shared.execute(
            HTTPClientRequest(url: "http://127.0.0.1:\(server.port)/other"), timeout: .seconds(5))
        await server.close()
        #expect(response.status.code == 200)
        #expect(body.contains("queue_messages{queue=\"mail\",source=\"jobs-db\",state=\"ready\"} 3\n"))
        #expect(body.contains("queue_oldest_message_age_seconds{queue=\"mail\",source=\"jobs-db\"} 12\n"))
        #expect(body.contains("queue_stuck_messages{queue=\"mail\",rule=\"ABANDONED\",source=\"jobs-db\"} 2\n"))
        #expect(body.contains("queue_alerts{state=\"firing\"} 1\n"))
        #expect(missing.status.code == 404)
    }
}
