import Foundation

/// SQS-compatible queues, driven by attribute polls. Dead-letter queues are found from the
/// redrive policies and confirmed with ListDeadLetterSourceQueues.
public actor SQSQueueSource: QueueSource {
    public struct Configuration: Sendable {
        public var name: String
        public var client: SQSClient
        public var queuePrefix: String?
        /// Queue names to watch; empty watches every queue under the prefix.
        public var queues: [String]
        public var rules: QueueAttributesRules
        /// Opt-in: receive (with a zero visibility timeout) up to the drill-down limit from each
        /// dead-letter queue that fires, to name its messages. It raises their receive counts.
        public var sampleDeadLetters: Bool
        public var concurrency: Int

        public init(name: String, client: SQSClient, queuePrefix: String? = nil, queues: [String] = [],
                    rules: QueueAttributesRules = QueueAttributesRules(), sampleDeadLetters: Bool = false,
                    concurrency: Int = 8) {
            self.name = name
            self.client = client
            self.queuePrefix = queuePrefix
            self.queues = queues
            self.rules = rules
            self.sampleDeadLetters = sampleDeadLetters
            self.concurrency = concurrency
        }
    }

    public nonisolated let name: String
    public let configuration: Configuration
    private var windows: WindowStore<String, QueueAttributesSample>

    public init(_ configuration: Configuration, windowCapacity: Int = 10) {
        self.name = configuration.name
        self.configuration = configuration
        self.windows = WindowStore(capacity: windowCapacity)
    }

    public func poll(baselines: [String: Int]) async throws -> SourcePoll {
        let client = configuration.client
        var urls = try await client.listQueues(prefix: configuration.queuePrefix)
        if !configuration.queues.isEmpty {
            let wanted = Set(configuration.queues)
            urls = urls.filter { wanted.contains(Self.queueName($0)) }
        }
        let attributes = try await urls.concurrentMap(limit: configuration.concurrency) {
            try await client.queueAttributes($0)
        }
        let observedAt = Date()
        var nameByARN: [String: String] = [:]
        var deadLetterTarget: [String: String] = [:]   // source queue name → DLQ name
        for (url, values) in zip(urls, attributes) {
            if let arn = values["QueueArn"] { nameByARN[arn] = Self.queueName(url) }
        }
        for (url, values) in zip(urls, attributes) {
            if let policy = RedrivePolicy(values["RedrivePolicy"]), let dlq = nameByARN[policy.deadLetterTargetArn] {
                deadLetterTarget[Self.queueName(url)] = dlq
            }
        }
        let deadLetterURLs = urls.filter { Set(deadLetterTarget.values).contains(Self.queueName($0)) }
        let sources = try await deadLetterURLs.concurrentMap(limit: configuration.concurrency) {
            try await client.deadLetterSourceQueues($0).map(Self.queueName).sorted()
        }
        let sourcesByDLQ = Dictionary(uniqueKeysWithValues: zip(deadLetterURLs.map(Self.queueName), sources))
        let visible = attributes.map { Self.int($0["ApproximateNumberOfMessages"]) }
        let visibleByName = Dictionary(zip(urls.map(Self.queueName), visible),
                                       uniquingKeysWith: { first, _ in first })

        var poll = SourcePoll()
        for (url, values) in zip(urls, attributes) {
            let queue = Self.queueName(url)
            let policy = RedrivePolicy(values["RedrivePolicy"])
            let sample = QueueAttributesSample(
                observedAt: observedAt, visible: Self.int(values["ApproximateNumberOfMessages"]),
                inFlight: Self.int(values["ApproximateNumberOfMessagesNotVisible"]),
                delayed: Self.int(values["ApproximateNumberOfMessagesDelayed"]),
                visibilityTimeout: Double(values["VisibilityTimeout"] ?? "") ?? 30,
                retentionPeriod: Double(values["MessageRetentionPeriod"] ?? "") ?? 345_600,
                maxReceiveCount: policy?.maxReceiveCount, deadLetterSources: sourcesByDLQ[queue] ?? [],
                deadLetterVisible: deadLetterTarget[queue].flatMap { visibleByName[$0] })
            let window = windows.record(sample, for: queue)
            var rules = configuration.rules
            rules.deadLetterBaseline = baselines[queue] ?? 0
            var findings = rules.evaluate(window, source: name, queue: queue, inspect: inspectCommand(url))
            if configuration.sampleDeadLetters, sample.isDeadLetterQueue,
               let index = findings.firstIndex(where: { $0.rule == .dead }) {
                findings[index].offenders = try await client.sampleDeadLetters(
                    url, limit: rules.settings.drillDownLimit)
            }
            poll.findings += findings
            var messages = ["ready": sample.visible, "in_flight": sample.inFlight, "delayed": sample.delayed]
            if sample.isDeadLetterQueue { messages["dead"] = sample.visible }
            poll.figures.append(QueueFigures(source: name, queue: queue, oldestAge: sample.oldestAge, messages: messages))
        }
        windows.retain(only: Set(urls.map(Self.queueName)))
        return poll
    }

    private nonisolated func inspectCommand(_ url: String) -> String {
        let endpoint = configuration.client.endpoint.absoluteString
        let custom = endpoint.hasSuffix(".amazonaws.com") || endpoint.hasSuffix(".amazonaws.com/")
            ? "" : " --endpoint-url \(endpoint)"
        return "aws sqs get-queue-attributes\(custom) --queue-url \(url) --attribute-names All"
    }

    static func queueName(_ url: String) -> String {
        String(url.split(separator: "/").last ?? Substring(url))
    }

    static func int(_ text: String?) -> Int { text.flatMap { Int($0) } ?? 0 }
}

/// The redrive policy attribute: `{"deadLetterTargetArn": …, "maxReceiveCount": …}`.
struct RedrivePolicy: Sendable, Hashable {
    var deadLetterTargetArn: String
    var maxReceiveCount: Int

    init?(_ json: String?) {
        guard let json, let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any],
              let arn = object["deadLetterTargetArn"] as? String else { return nil }
        // AWS returns maxReceiveCount as a number; some servers quote it.
        let count = (object["maxReceiveCount"] as? Int) ?? Int(object["maxReceiveCount"] as? String ?? "") ?? 0
        self.deadLetterTargetArn = arn
        self.maxReceiveCount = count
    }
}
