import Foundation
import Gateway
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MariaDB
import Testing

/// What a client sees when the database is the bottleneck: an exhausted pool, a statement past
/// its time limit, a statement still running at the request's deadline. Each runs on a pool of
/// one connection, so "the connection is reusable" is proven by the next request on it.
@Suite("Pool and statement failures", .needsDatabase)
struct DatabaseFailureTests {
    /// Polls the pool until `condition` holds (a bounded wait for another task to reach the server).
    static func waitForPool(
        _ project: FixtureProject, _ condition: (ConnectionPool.Counts) -> Bool
    ) async throws {
        let pool = try #require(project.dataSources["main"])
        for _ in 0..<1_000 {
            if condition(pool.counts) { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("the pool never reached the expected state: \(pool.counts)")
    }

    static func connectionID(port: Int) async throws -> String {
        let response = try await GatewayFixture.post("{ connection }", port: port)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
        let data = try #require(object["data"] as? [String: Any], "\(response.text)")
        return try #require(data["connection"] as? String, "\(response.text)")
    }

    @Test("an exhausted pool answers 503 with Retry-After before executing, and serves again once free")
    func poolExhausted() async throws {
        let project = try await FixtureProject.open(poolSize: 1)
        let app = try await GatewayFixture.application(
            GatewayConfiguration(maxPoolWaiters: 0, retryAfterSeconds: 2), project: project)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let holder = Task { try await GatewayFixture.post("{ slow(seconds: 4) }", port: port) }
            try await Self.waitForPool(project) { $0.inUse == 1 }
            let refused = try await GatewayFixture.post("{ hello }", port: port)
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.headers[.retryAfter] == "2")
            #expect(refused.errorCodes == ["SERVICE_UNAVAILABLE"])
            #expect(refused.text.contains(#""message":"The server is overloaded; retry shortly.""#), "\(refused.text)")
            #expect(!refused.text.contains(#""data""#))
            let held = try await holder.value
            #expect(held.text == #"{"data":{"slow":"finished"}}"#)
            let after = try await GatewayFixture.post("{ hello }", port: port)
            #expect(after.status == .ok)
            #expect(after.text == #"{"data":{"hello":"Hello, world!"}}"#)
        }
        await project.close()
    }

    @Test("by default a pool sheds once four requests per connection wait: the next gets 503, the waiters finish")
    func defaultShedding() async throws {
        let project = try await FixtureProject.open(poolSize: 1, acquireTimeout: .seconds(60))
        let app = try await GatewayFixture.application(project: project)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let holder = Task { try await GatewayFixture.post("{ slow(seconds: 4) }", port: port) }
            try await Self.waitForPool(project) { $0.inUse == 1 }
            let waiters = (0..<4).map { _ in Task { try await GatewayFixture.post("{ connection }", port: port) } }
            try await Self.waitForPool(project) { $0.waiting == 4 }
            let refused = try await GatewayFixture.post("{ hello }", port: port)
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.errorCodes == ["SERVICE_UNAVAILABLE"])
            #expect(try await holder.value.text == #"{"data":{"slow":"finished"}}"#)
            for waiter in waiters {
                let served = try await waiter.value
                #expect(served.status == .ok)
                #expect(served.errorCodes.isEmpty, "\(served.text)")
            }
        }
        await project.close()
    }

    @Test("a statement past max_statement_time is a TIMEOUT field error, then the same connection serves")
    func statementTimeout() async throws {
        let project = try await FixtureProject.open(poolSize: 1, statementTimeout: .milliseconds(700))
        let app = try await GatewayFixture.application(project: project)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let before = try await Self.connectionID(port: port)
            let response = try await GatewayFixture.post("{ slow(seconds: 5) }", port: port)
            #expect(response.status == .ok)
            #expect(response.text.hasSuffix(#""data":{"slow":null}}"#), "\(response.text)")
            #expect(response.errorCodes == ["TIMEOUT"])
            #expect(response.errorMessages == ["the statement ran past its time limit"], "production wording")
            let extensions = try #require(response.errors.first?["extensions"] as? [String: Any])
            #expect(extensions["errno"] as? Int == 1969, "MariaDB's max_statement_time exceeded")
            #expect(extensions["pipeline"] as? String == "Query.slow")
            #expect(response.errors.first?["path"] as? [String] == ["slow"])
            #expect(try await Self.connectionID(port: port) == before, "the connection survived the timeout")
        }
        await project.close()
    }

    @Test("a statement still running at the request deadline is killed: DEADLINE_EXCEEDED, connection kept")
    func cancelledAtDeadline() async throws {
        // The statement's own limit is far away, so only the gateway's deadline can stop it.
        let project = try await FixtureProject.open(poolSize: 1, statementTimeout: .seconds(30))
        // The connection is opened here, so opening it on a loaded machine cannot eat into the 1 s deadline.
        try await #require(project.dataSources["main"]).withConnection { try await $0.ping() }
        let app = try await GatewayFixture.application(
            GatewayConfiguration(limits: RequestLimits(timeout: .seconds(1))), project: project)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let before = try await Self.connectionID(port: port)
            let started = ContinuousClock.now
            let response = try await GatewayFixture.post("{ slow(seconds: 20) }", port: port)
            #expect(ContinuousClock.now - started < .seconds(10), "the statement was stopped, not waited for")
            #expect(response.text.hasSuffix(#""data":{"slow":null}}"#), "\(response.text)")
            #expect(response.errorCodes == ["DEADLINE_EXCEEDED"], "\(response.text)")
            #expect(try await Self.connectionID(port: port) == before, "KILL QUERY left the connection usable")
        }
        await project.close()
    }
}
