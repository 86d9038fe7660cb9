import Foundation
import Testing
@testable import QueueMonitor

/// Against a real moto server (infra/moto.sh): a queue with a redrive policy whose messages are
/// received without deletion until they land in the dead-letter queue.
@Suite(.enabled(if: TestServers.available(TestServers.sqs), "needs SLUICE_TEST_SQS_URL (infra/moto.sh start)"))
struct SQSQueueSourceTests {
    let client: SQSClient
    let prefix = "t\(UInt32.random(in: 0...UInt32.max))-"

    init() throws {
        let url = try #require(TestServers.sqs.flatMap(URL.init(string:)), "SLUICE_TEST_SQS_URL is not set")
        client = SQSClient(endpoint: url, region: "us-east-1",
                           credentials: AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing"))
    }

    private func source(sample: Bool = false, window: Double = 300) -> SQSQueueSource {
        SQSQueueSource(.init(name: "sqs", client: client, queuePrefix: prefix,
                             rules: QueueAttributesRules(settings: RuleSettings(window: window)),
                             sampleDeadLetters: sample))
    }

    /// Creates `orders` → `orders-dlq` (maxReceiveCount 3) and an unguarded `loose`; returns the URL of `orders`.
    private func createQueues() async throws -> String {
        let dlq = try await client.call("CreateQueue", ["QueueName": prefix + "orders-dlq"])["QueueUrl"] as? String
        let dlqARN = try await client.queueAttributes(try #require(dlq))["QueueArn"]
        let policy = "{\"deadLetterTargetArn\":\"\(try #require(dlqARN))\",\"maxReceiveCount\":\"3\"}"
        let orders = try await client.call("CreateQueue", [
            "QueueName": prefix + "orders", "Attributes": ["RedrivePolicy": policy, "VisibilityTimeout": "30"],
        ])["QueueUrl"] as? String
        _ = try await client.call("CreateQueue", ["QueueName": prefix + "loose"])
        return try #require(orders)
    }

    /// Receives everything visible without deleting it, then makes it visible again at once.
    private func receiveWithoutDeleting(_ url: String) async throws -> Int {
        let reply = try await client.call("ReceiveMessage", ["QueueUrl": url, "MaxNumberOfMessages": 10])
        let messages = reply["Messages"] as? [[String: Any]] ?? []
        for message in messages {
            _ = try await client.call("ChangeMessageVisibility", [
                "QueueUrl": url, "ReceiptHandle": message["ReceiptHandle"] as? String ?? "", "VisibilityTimeout": 0,
            ])
        }
        return messages.count
    }

    private func figures(_ poll: SourcePoll, _ queue: String) -> [String: Int]? {
        poll.figures.first { $0.queue == prefix + queue }?.messages
    }

    @Test func listsQueuesAndReadsTheirAttributes() async throws {
        _ = try await createQueues()
        let names = try await client.listQueues(prefix: prefix).map(SQSQueueSource.queueName).sorted()
        #expect(names == [prefix + "loose", prefix + "orders", prefix + "orders-dlq"])
        let poll = try await source().poll(baselines: [:])
        #expect(poll.findings.map { "\($0.queue) \($0.rule.rawValue)" } == ["\(prefix)loose UNGUARDED"])
        #expect(figures(poll, "orders") == ["ready": 0, "in_flight": 0, "delayed": 0])
    }

    @Test func messagesReceivedUntilDeadLetteredFireDeadUntilAcknowledged() async throws {
        let orders = try await createQueues()
        for index in 1...3 {
            _ = try await client.call("SendMessage", ["QueueUrl": orders, "MessageBody": "order \(index)"])
        }
        let watched = source()
        #expect(figures(try await watched.poll(baselines: [:]), "orders") == ["ready": 3, "in_flight": 0, "delayed": 0])
        var received: [Int] = []
        for _ in 1...4 { received.append(try await receiveWithoutDeleting(orders)) }
        // The fourth receive finds every message past maxReceiveCount and moves it to the DLQ.
        #expect(received == [3, 3, 3, 0])
        let poll = try await watched.poll(baselines: [:])
        #expect(figures(poll, "orders") == ["ready": 0, "in_flight": 0, "delayed": 0])
        #expect(figures(poll, "orders-dlq") == ["ready": 3, "in_flight": 0, "delayed": 0, "dead": 3])
        let dead = try #require(poll.findings.first { $0.rule == .dead })
        #expect(dead.queue == prefix + "orders-dlq")
        #expect(dead.figure == Figure("dead-lettered", value: 3, threshold: 0, unit: .messages))
        #expect(dead.summary == "3 messages in the dead-letter queue of \(prefix)orders")
        #expect(dead.offenders.isEmpty)   // no receive unless sampling is enabled
        #expect(dead.inspect?.hasPrefix("aws sqs get-queue-attributes --endpoint-url ") == true)
        let acknowledged = try await watched.poll(baselines: [prefix + "orders-dlq": 3])
        #expect(!acknowledged.findings.contains { $0.rule == .dead })
    }

    private func send(_ url: String, _ count: Int) async throws {
        for index in 1...count { _ = try await client.call("SendMessage", ["QueueUrl": url, "MessageBody": "m\(index)"]) }
    }

    private func rules(_ poll: SourcePoll, _ queue: String) -> [String] {
        poll.findings.filter { $0.queue == prefix + queue }.map(\.rule.rawValue)
    }

    /// The window rules from the server's own counts: ready messages nothing receives are STOPPED
    /// once the (shortened) window has passed, not before.
    @Test func readyMessagesNobodyReceivesAcrossTheWindowAreStopped() async throws {
        let orders = try await createQueues()
        try await send(orders, 2)
        let watched = source(window: 0.2)
        #expect(rules(try await watched.poll(baselines: [:]), "orders") == [])
        try await Task.sleep(for: .milliseconds(300))
        let poll = try await watched.poll(baselines: [:])
        #expect(rules(poll, "orders") == ["STOPPED"])
        #expect(poll.findings.first { $0.rule == .stopped }?.summary == "2 messages ready and nothing receiving them")
        _ = try await client.call("ReceiveMessage", ["QueueUrl": orders, "MaxNumberOfMessages": 10])
        #expect(rules(try await watched.poll(baselines: [:]), "orders") == [])   // taken: no longer stopped
    }

    /// A backlog that grows while a consumer holds a message is LAGGING (moto has no age metric,
    /// so the visible count carries the rule, as it would without CloudWatch).
    @Test func backlogGrowingWhileWorkedIsLagging() async throws {
        let orders = try await createQueues()
        try await send(orders, 2)
        _ = try await client.call("ReceiveMessage", ["QueueUrl": orders, "MaxNumberOfMessages": 1])
        let watched = source(window: 0.2)
        #expect(figures(try await watched.poll(baselines: [:]), "orders") == ["ready": 1, "in_flight": 1, "delayed": 0])
        try await send(orders, 3)
        try await Task.sleep(for: .milliseconds(300))
        let poll = try await watched.poll(baselines: [:])
        #expect(rules(poll, "orders") == ["LAGGING"])
        let lagging = try #require(poll.findings.first { $0.rule == .lagging })
        #expect(lagging.figure == Figure("backlog growth", value: 3, threshold: 0, unit: .messages))
        #expect(lagging.summary == "backlog grew from 1 to 4 while being worked")
    }

    @Test func deadLetterSamplingIsOptInAndNamesTheMessages() async throws {
        let orders = try await createQueues()
        _ = try await client.call("SendMessage", ["QueueUrl": orders, "MessageBody": "poison"])
        for _ in 1...4 { _ = try await receiveWithoutDeleting(orders) }
        let dead = try #require(try await source(sample: true).poll(baselines: [:]).findings.first { $0.rule == .dead })
        #expect(dead.offenders.count == 1)
        #expect(dead.offenders.first?.lastError == "poison")
        #expect((dead.offenders.first?.attempts ?? 0) >= 4)
    }

    @Test func missingQueueIsARejectionWithTheServersCode() async throws {
        do {
            _ = try await client.queueAttributes("http://127.0.0.1/123456789012/\(prefix)nope")
            Issue.record("expected an error")
        } catch let error as QueueSourceError {
            #expect(error.code == .rejected)
            #expect(error.message.hasPrefix("GetQueueAttributes: QueueDoesNotExist"))
        }
    }

    @Test func closedPortIsUnreachable() async throws {
        let dead = SQSClient(endpoint: URL(string: "http://127.0.0.1:9")!, region: "us-east-1",
                             credentials: AWSCredentials(accessKeyID: "a", secretAccessKey: "b"),
                             requestTimeout: .seconds(1))
        do {
            _ = try await dead.listQueues(prefix: nil)
            Issue.record("expected an error")
        } catch let error as QueueSourceError {
            #expect(error.code == .unreachable)
            #expect(error.message.hasPrefix("ListQueues at http://127.0.0.1:9: "))
        }
    }
}
