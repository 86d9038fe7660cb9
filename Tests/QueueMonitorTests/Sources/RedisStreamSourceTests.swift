import Foundation
import Logging
import Testing
@testable import QueueMonitor

/// Against a real redis-server (infra/redis.sh). The test writes the state with ordinary commands
/// (XADD, XREADGROUP, and XCLAIM to age an entry); the monitor only reads it.
@Suite(.enabled(if: TestServers.available(TestServers.redis), "needs SLUICE_TEST_REDIS_URL (infra/redis.sh start)"))
struct RedisStreamSourceTests {
    let endpoint: RedisEndpoint
    let stream = "orders-\(UInt32.random(in: 0...UInt32.max))"

    init() throws {
        endpoint = try RedisEndpoint(url: try #require(TestServers.redis, "SLUICE_TEST_REDIS_URL is not set"))
    }

    private func redis(_ commands: [[String]]) async throws -> [RESPValue] {
        try await RedisConnection.with(endpoint) { connection in
            var replies: [RESPValue] = []
            for command in commands { replies.append(try await connection.send(command)) }
            return replies
        }
    }

    private func source(idle: Int) -> RedisStreamSource {
        RedisStreamSource(.init(name: "events", endpoint: endpoint, streams: [stream],
                                rules: StreamGroupRules(idleThreshold: idle, maxDeliveries: 5)))
    }

    @Test func deadConsumerStalledEntryAndPoisonEachFireThenResolveWhenAcked() async throws {
        var ids: [String] = []
        _ = try await redis([["XGROUP", "CREATE", stream, "billing", "0", "MKSTREAM"]])
        for index in 1...5 {
            ids.append(try #require(try await redis([["XADD", stream, "*", "n", "\(index)"]]).first?.string))
        }
        _ = try await redis([["XREADGROUP", "GROUP", "billing", "gone", "COUNT", "2", "STREAMS", stream, ">"]])
        try await Task.sleep(for: .milliseconds(4_500))   // "gone" now idles past the 4 s threshold;
        // "busy" reads below, and a busy machine has 4 s to reach the poll before it looks gone too
        _ = try await redis([
            ["XREADGROUP", "GROUP", "billing", "busy", "COUNT", "2", "STREAMS", stream, ">"],
            ["XCLAIM", stream, "billing", "busy", "0", ids[2], "IDLE", "600000", "RETRYCOUNT", "1"],
            ["XCLAIM", stream, "billing", "busy", "0", ids[3], "IDLE", "0", "RETRYCOUNT", "7"],
        ])
        let watched = source(idle: 4_000)
        let poll = try await watched.poll(baselines: [:])
        let byRule = Dictionary(grouping: poll.findings, by: \.rule)
        #expect(poll.findings.map(\.rule).sorted { $0.rawValue < $1.rawValue } == [.abandoned, .poison, .stalled])
        let abandoned = try #require(byRule[.abandoned]?.first)
        #expect(abandoned.queue == "\(stream)/billing")
        #expect(abandoned.offenders.map(\.id).sorted() == [ids[0], ids[1]])
        #expect(abandoned.offenders.allSatisfy { $0.owner == "gone" && $0.attempts == 1 })
        #expect(abandoned.summary == "consumers gone hold pending entries and stopped reading")
        let stalled = try #require(byRule[.stalled]?.first)
        #expect(stalled.offenders.map(\.id) == [ids[2]])
        #expect((stalled.offenders.first?.age ?? 0) >= 600)
        let poison = try #require(byRule[.poison]?.first)
        #expect(poison.messageID == ids[3])
        #expect(poison.figure == Figure("deliveries", value: 7, threshold: 5, unit: .attempts))
        #expect(poison.inspect == "redis-cli -h \(endpoint.host) -p \(endpoint.port) XPENDING \(stream) billing IDLE 4000 - + 5")
        let figures = try #require(poll.figures.first)
        #expect(figures.messages == ["pending": 4, "lag": 1])

        _ = try await redis([["XACK", stream, "billing"] + ids])
        let fixed = try await watched.poll(baselines: [:])
        #expect(fixed.findings.isEmpty)
        _ = try await redis([["DEL", stream]])
    }

    @Test func groupThatDeliversNothingWhileLaggingIsStopped() async throws {
        _ = try await redis([["XGROUP", "CREATE", stream, "idle", "$", "MKSTREAM"], ["XADD", stream, "*", "n", "1"]])
        var rules = StreamGroupRules(idleThreshold: 60_000)
        rules.settings.window = 0.2
        let watched = RedisStreamSource(.init(name: "events", endpoint: endpoint, streams: [stream], rules: rules))
        #expect(try await watched.poll(baselines: [:]).findings.isEmpty)   // one sample is no window
        try await Task.sleep(for: .milliseconds(300))
        let poll = try await watched.poll(baselines: [:])
        #expect(poll.findings.map(\.rule) == [.stopped])
        #expect(poll.findings.first?.summary == "1 entries waiting and the group delivered none")
        _ = try await redis([["DEL", stream]])
    }

    @Test func missingStreamIsARejection() async throws {
        await #expect(throws: QueueSourceError(.rejected, "XINFO GROUPS \(stream)-none: ERR no such key")) {
            _ = try await RedisStreamSource(.init(name: "events", endpoint: endpoint, streams: ["\(stream)-none"]))
                .poll(baselines: [:])
        }
    }
}
