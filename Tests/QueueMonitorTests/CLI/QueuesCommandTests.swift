import Foundation
import Logging
import MariaDB
import Testing
@testable import QueueMonitor
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `sluice` executable (beside the test bundle) and returns its exit code and
/// output; waits with waitpid on a thread of its own, so the cooperative pool keeps serving the
/// suites running beside it.
private func sluice(_ arguments: [String], in directory: URL) async throws
    -> (status: Int32, stdout: String, stderr: String)
{
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try runSluice(arguments, in: directory) }) }.start()
    }
}

private func runSluice(_ arguments: [String], in directory: URL) throws -> (status: Int32, stdout: String, stderr: String) {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("sluice").path
    let out = directory.appendingPathComponent("stdout").path
    let err = directory.appendingPathComponent("stderr").path
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let words = [binary] + arguments + ["--config", directory.appendingPathComponent("sluice.yaml").path]
    var argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, binary, &actions, nil, &argv, environ) == 0 else {
        throw QueueSourceError(.unreachable, "cannot run \(binary)")
    }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    let code = (status >> 8) & 0xff
    return (code, try String(contentsOfFile: out, encoding: .utf8), try String(contentsOfFile: err, encoding: .utf8))
}

@Suite(.enabled(if: TestServers.available(TestServers.redis), "needs SLUICE_TEST_REDIS_URL (infra/redis.sh start)"))
struct QueuesCommandTests {
    let directory: URL
    let redis: RedisEndpoint
    let stream = "cli-\(UInt32.random(in: 0...UInt32.max))"

    init() throws {
        redis = try RedisEndpoint(url: try #require(TestServers.redis, "SLUICE_TEST_REDIS_URL is not set"))
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    private func write(port: Int) throws {
        try """
            queues:
              sources:
                - name: events
                  kind: redis
                  url: redis://\(redis.host):\(port)
                  streams: [\(stream)]
                  idle: 1h
                  max_deliveries: 3
            """.write(to: directory.appendingPathComponent("sluice.yaml"), atomically: true, encoding: .utf8)
    }

    private func send(_ commands: [[String]]) async throws -> [RESPValue] {
        try await RedisConnection.with(redis) { connection in
            var replies: [RESPValue] = []
            for command in commands { replies.append(try await connection.send(command)) }
            return replies
        }
    }

    @Test func checkExitsZeroWhenClearTwoWhenFiringThreeWhenUnreachable() async throws {
        try write(port: redis.port)
        _ = try await send([["XGROUP", "CREATE", stream, "billing", "$", "MKSTREAM"]])
        let clear = try await sluice(["queues", "check"], in: directory)
        #expect(clear.status == 0)
        #expect(clear.stdout == "events \(stream)/billing: lag=0 pending=0\n  all clear\n")

        let id = try #require(try await send([["XADD", stream, "*", "n", "1"]]).first?.string)
        _ = try await send([
            ["XREADGROUP", "GROUP", "billing", "c", "STREAMS", stream, ">"],
            ["XCLAIM", stream, "billing", "c", "0", id, "RETRYCOUNT", "4"],
        ])
        let firing = try await sluice(["queues", "check", "--format", "json"], in: directory)
        #expect(firing.status == 2)
        let lines = firing.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.last?.contains("\"rule\":\"POISON\"") == true)
        #expect(lines.last?.contains("\"messageID\":\"\(id)\"") == true)

        try write(port: 9)
        let unreachable = try await sluice(["queues", "check"], in: directory)
        #expect(unreachable.status == 3)
        #expect(unreachable.stdout.hasPrefix("  UNKNOWN error events *: unreadable 1 > 0 | source cannot be read: unreachable: "))
        _ = try await send([["DEL", stream]])
    }

    @Test func badConfigurationExits78WithEveryLocatedError() async throws {
        try "queues:\n  sources:\n    - { name: x, kind: redis, url: 'http://nope', streams: [s] }\n"
            .write(to: directory.appendingPathComponent("sluice.yaml"), atomically: true, encoding: .utf8)
        let result = try await sluice(["queues", "check"], in: directory)
        #expect(result.status == 78)
        let config = directory.appendingPathComponent("sluice.yaml").path
        #expect(result.stderr == "\(config):3:36: queues.sources[0].url: not a redis:// URL: http://nope\n")
    }

    @Test func ackAcceptsOnlyDeadOnDeadLetterQueues() async throws {
        try write(port: redis.port)
        let result = try await sluice(["queues", "ack", "orders", "STALLED"], in: directory)
        #expect(result.status == 64)
        #expect(result.stderr.contains("only DEAD has a baseline to accept, not 'STALLED'"))
        _ = try await send([["XGROUP", "CREATE", stream, "billing", "$", "MKSTREAM"]])
        let stream = try await sluice(["queues", "ack", "\(self.stream)/billing", "DEAD"], in: directory)
        #expect(stream.status == 64)
        #expect(stream.stderr.hasPrefix("events \(self.stream)/billing is a stream group, which has no dead messages"))
        _ = try await send([["DEL", self.stream]])
    }
}

@Suite(.enabled(if: TestServers.available(TestServers.sqs), "needs SLUICE_TEST_SQS_URL (infra/moto.sh start)"))
struct QueuesAckTests {
    @Test func ackedDeadLetterCountStopsFiringUntilItGrows() async throws {
        let endpoint = try #require(TestServers.sqs, "SLUICE_TEST_SQS_URL is not set")
        let client = SQSClient(endpoint: try #require(URL(string: endpoint)), region: "us-east-1",
                               credentials: AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing"))
        let prefix = "ack\(UInt32.random(in: 0...UInt32.max))-"
        let dlq = try #require(try await client.call("CreateQueue", ["QueueName": prefix + "dlq"])["QueueUrl"] as? String)
        let arn = try #require(try await client.queueAttributes(dlq)["QueueArn"])
        let orders = try #require(try await client.call("CreateQueue", [
            "QueueName": prefix + "orders",
            "Attributes": ["RedrivePolicy": "{\"deadLetterTargetArn\":\"\(arn)\",\"maxReceiveCount\":\"1\"}"],
        ])["QueueUrl"] as? String)
        _ = try await client.call("SendMessageBatch", ["QueueUrl": dlq, "Entries": [
            ["Id": "a", "MessageBody": "dead a"], ["Id": "b", "MessageBody": "dead b"],
        ]])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-ack-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try """
            queues:
              baselines: \(directory.path)/baselines.json
              sources:
                - { name: sqs, kind: sqs, endpoint: "\(endpoint)", access_key_id: t, secret_access_key: t, prefix: \(prefix) }
            """.write(to: directory.appendingPathComponent("sluice.yaml"), atomically: true, encoding: .utf8)
        #expect(try await sluice(["queues", "check"], in: directory).status == 2)
        let acked = try await sluice(["queues", "ack", "\(prefix)dlq", "DEAD"], in: directory)
        #expect(acked.status == 0)
        #expect(acked.stdout == "accepted 2 dead-lettered messages as the baseline of sqs \(prefix)dlq\n")
        #expect(try await sluice(["queues", "check"], in: directory).status == 0)
        _ = try await client.call("SendMessage", ["QueueUrl": dlq, "MessageBody": "dead c"])
        #expect(try await sluice(["queues", "check"], in: directory).status == 2)
        _ = orders
    }
}

@Suite(.enabled(if: TestServers.available(TestServers.database), "needs SLUICE_TEST_DB_URL (infra/mariadb.sh start)"))
struct QueuesTableAckTests {
    @Test func ackedDeadRowsStopFiringUntilAnotherRowDies() async throws {
        let url = try #require(TestServers.database, "SLUICE_TEST_DB_URL is not set")
        let table = "ack_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        var logger = Logger(label: "sluice.queues.test")
        logger.logLevel = .error
        let pool = ConnectionPool(configuration: try DatabaseConfig(url: url), size: 1, logger: logger)
        _ = try await pool.query(try QueueSchema.createTable(table))
        func fail(_ id: Int) async throws {
            _ = try await pool.query("""
                INSERT INTO \(table) (id, queue, status, payload, attempts, failed_at, last_error)
                VALUES (?, 'mail', 'failed', '{}', 25, NOW(6), 'boom')
                """, [.int(Int64(id))])
        }
        try await fail(1)
        try await fail(2)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-ack-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try """
            queues:
              baselines: \(directory.path)/baselines.json
              sources:
                - { name: jobs-db, kind: mysql, url: "\(url)", queues: [{ name: mail, table: \(table) }] }
            """.write(to: directory.appendingPathComponent("sluice.yaml"), atomically: true, encoding: .utf8)
        #expect(try await sluice(["queues", "check"], in: directory).status == 2)
        let acked = try await sluice(["queues", "ack", "mail", "dead"], in: directory)
        #expect(acked.status == 0)
        #expect(acked.stdout == "accepted 2 dead rows as the baseline of jobs-db mail\n")
        #expect(try await sluice(["queues", "check"], in: directory).status == 0)
        try await fail(3)
        let grown = try await sluice(["queues", "check", "--format", "json"], in: directory)
        #expect(grown.status == 2)
        #expect(grown.stdout.contains("\"id\":\"3\""))
        #expect(!grown.stdout.contains("\"id\":\"1\""))
        _ = try await pool.query("DROP TABLE \(table)")
        await pool.close()
    }
}
