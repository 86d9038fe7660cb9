import Foundation

/// Redis stream consumer groups, read with XINFO GROUPS, XINFO CONSUMERS and XPENDING only.
/// The monitor never sends XCLAIM or XAUTOCLAIM: both change ownership and delivery counts.
public actor RedisStreamSource: QueueSource {
    public struct Configuration: Sendable {
        public var name: String
        public var endpoint: RedisEndpoint
        /// Stream keys to watch; every consumer group of each is evaluated.
        public var streams: [String]
        public var rules: StreamGroupRules
        public var timeout: Duration

        public init(name: String, endpoint: RedisEndpoint, streams: [String],
                    rules: StreamGroupRules = StreamGroupRules(), timeout: Duration = .seconds(5)) {
            self.name = name
            self.endpoint = endpoint
            self.streams = streams
            self.rules = rules
            self.timeout = timeout
        }
    }

    public nonisolated let name: String
    public let configuration: Configuration
    private var windows: WindowStore<String, StreamGroupSample>

    public init(_ configuration: Configuration, windowCapacity: Int = 10) {
        self.name = configuration.name
        self.configuration = configuration
        self.windows = WindowStore(capacity: windowCapacity)
    }

    public func poll(baselines: [String: Int]) async throws -> SourcePoll {
        let configuration = self.configuration
        // Connecting gets `timeout`; the whole pass gets four times that.
        let samples = try await Deadline.run(within: configuration.timeout * 4, "\(configuration.endpoint)") {
            try await RedisConnection.with(configuration.endpoint, timeout: configuration.timeout) { redis in
                try await Self.read(configuration, &redis)
            }
        }
        var poll = SourcePoll()
        for (queue, stream, group, sample) in samples {
            let window = windows.record(sample, for: queue)
            let inspect = "redis-cli -h \(configuration.endpoint.host) -p \(configuration.endpoint.port) "
                + "XPENDING \(stream) \(group) IDLE \(configuration.rules.idleThreshold) - + "
                + "\(configuration.rules.settings.drillDownLimit)"
            poll.findings += configuration.rules.evaluate(window, source: name, queue: queue, inspect: inspect)
            var messages = ["pending": sample.pending]
            if let lag = sample.lag { messages["lag"] = lag }
            let oldest = sample.oldestPending.map(\.idle).max().map { Double($0) / 1000 }
            poll.figures.append(QueueFigures(source: name, queue: queue, oldestAge: oldest, messages: messages))
        }
        windows.retain(only: Set(samples.map(\.0)))
        return poll
    }

    /// One pass over every configured stream's groups; the server's TIME stamps the samples.
    private static func read(_ configuration: Configuration, _ redis: inout RedisConnection) async throws
        -> [(String, String, String, StreamGroupSample)]
    {
        let time = try await redis.send(["TIME"]).array ?? []
        let seconds = Double(time.first?.int ?? 0) + Double(time.dropFirst().first?.int ?? 0) / 1_000_000
        let observedAt = seconds > 0 ? Date(timeIntervalSince1970: seconds) : Date()
        let limit = String(max(configuration.rules.settings.drillDownLimit, 10))
        var samples: [(String, String, String, StreamGroupSample)] = []
        for stream in configuration.streams {
            for group in try await redis.send(["XINFO", "GROUPS", stream]).array ?? [] {
                let info = group.fields
                guard let groupName = info["name"]?.string else { continue }
                let consumers = (try await redis.send(["XINFO", "CONSUMERS", stream, groupName]).array ?? []).map {
                    let fields = $0.fields
                    return StreamGroupSample.Consumer(
                        name: fields["name"]?.string ?? "?", pending: fields["pending"]?.int ?? 0,
                        idle: fields["idle"]?.int ?? 0)
                }
                let idle = try await redis.send([
                    "XPENDING", stream, groupName, "IDLE", String(configuration.rules.idleThreshold), "-", "+", limit,
                ])
                let oldest = try await redis.send(["XPENDING", stream, groupName, "-", "+", limit])
                var entries: [String: StreamGroupSample.PendingEntry] = [:]
                for row in (idle.array ?? []) + (oldest.array ?? []) {
                    guard let fields = row.array, fields.count == 4, let id = fields[0].string else { continue }
                    entries[id] = StreamGroupSample.PendingEntry(
                        id: id, consumer: fields[1].string ?? "?", idle: fields[2].int ?? 0,
                        deliveries: fields[3].int ?? 0)
                }
                let sample = StreamGroupSample(
                    observedAt: observedAt, lag: info["lag"]?.int, pending: info["pending"]?.int ?? 0,
                    lastDeliveredID: info["last-delivered-id"]?.string ?? "0-0", consumers: consumers,
                    oldestPending: entries.values.sorted { ($0.idle, $1.id) > ($1.idle, $0.id) })
                samples.append(("\(stream)/\(groupName)", stream, groupName, sample))
            }
        }
        return samples
    }
}
