import Foundation
import Logging
import Testing
@testable import QueueMonitor

#if canImport(Glibc)
import Glibc
#endif

/// A redis-server of the test's own, so the test can kill it mid-watch and bring it back.
/// Spawned directly and killed with SIGKILL: no shell, no signal handling to depend on.
private struct PrivateRedis: Sendable {
    let port: Int
    private let pid: pid_t

    init(port: Int) throws {
        self.port = port
        let words = ["redis-server", "--port", "\(port)", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                     "--logfile", "/dev/null"]
        var argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, "redis-server", nil, nil, &argv, environ)
        guard status == 0 else { throw QueueSourceError(.unreachable, "cannot spawn redis-server: \(status)") }
        self.pid = pid
    }

    func stop() {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    /// Waits (bounded) until the server answers PING.
    func ready() async throws {
        for _ in 0..<100 {
            if (try? await RedisConnection.with(RedisEndpoint(port: port)) { try await $0.send(["PING"]) }) != nil {
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw QueueSourceError(.unreachable, "private redis-server on \(port) did not start")
    }
}

@Suite(.enabled(if: TestServers.available(TestServers.redis), "needs redis-server (infra/redis.sh start)"))
struct QueueWatcherTests {
    @Test func sourceDyingMidWatchIsUnknownAndRecoveryResolvesIt() async throws {
        let port = Int.random(in: 20_000...40_000)
        var server = try PrivateRedis(port: port)
        try await server.ready()
        _ = try await RedisConnection.with(RedisEndpoint(port: port)) { redis in
            try await redis.send(["XGROUP", "CREATE", "jobs", "workers", "$", "MKSTREAM"])
        }
        let source = RedisStreamSource(.init(name: "events", endpoint: RedisEndpoint(port: port), streams: ["jobs"],
                                             timeout: .seconds(1)))
        let watcher = QueueWatcher(sources: [source], configuration: .init(heartbeatInterval: 0),
                                   logger: Logger(label: "test"))
        var clock = TestClock()
        let healthy = await watcher.evaluate(at: clock.now)
        #expect(healthy.events.isEmpty)
        #expect(healthy.figures.map(\.queue) == ["jobs/workers"])

        server.stop()
        let dark = await watcher.evaluate(at: clock.advance(60))
        let fired = dark.events.notifications
        #expect(fired.map(\.kind) == [.firing])
        #expect(fired.first?.finding.rule == .unknown)
        #expect(fired.first?.finding.summary.hasPrefix("source cannot be read: unreachable: redis://127.0.0.1:\(port)/0") == true)
        #expect(dark.unknownSources == ["events"])
        #expect(await watcher.evaluate(at: clock.advance(60)).events.isEmpty)   // still dark: no new line

        server = try PrivateRedis(port: port)
        try await server.ready()
        _ = try await RedisConnection.with(RedisEndpoint(port: port)) { redis in
            try await redis.send(["XGROUP", "CREATE", "jobs", "workers", "$", "MKSTREAM"])
        }
        let back = await watcher.evaluate(at: clock.advance(60))
        #expect(back.events.notifications.map { "\($0.kind.rawValue) \($0.finding.rule.rawValue)" } == ["RESOLVED UNKNOWN"])
        server.stop()
    }
}
