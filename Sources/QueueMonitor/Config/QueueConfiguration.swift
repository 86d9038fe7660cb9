import Foundation

/// The `queues:` section of `sluice.yaml`, parsed and checked, before any connection is made.
public struct QueueConfiguration: Sendable {
    public struct Webhook: Sendable, Hashable {
        public var url: String
        public var receiver: String
        public var externalURL: String
    }

    public struct TableQueue: Sendable {
        public var name: String
        public var columns: TableQueueColumns
        public var queueValue: String?
        public var rules: TableQueueRules
    }

    public enum Source: Sendable {
        case mysql(name: String, url: String, poolSize: Int, queues: [TableQueue])
        case sqs(name: String, endpoint: URL, region: String, credentials: AWSCredentials, prefix: String?,
                 queues: [String], rules: QueueAttributesRules, sampleDeadLetters: Bool)
        case redis(name: String, endpoint: RedisEndpoint, streams: [String], rules: StreamGroupRules)

        public var name: String {
            switch self {
            case .mysql(let name, _, _, _), .sqs(let name, _, _, _, _, _, _, _), .redis(let name, _, _, _): name
            }
        }
    }

    /// Seconds between evaluations in `watch`.
    public var interval: Double = 60
    /// Samples kept per unit (K).
    public var windowSamples: Int = 10
    public var alerting = AlertStateMachine.Configuration()
    public var webhook: Webhook?
    /// Where `ack` records accepted dead-letter counts.
    public var baselinesPath = ".sluice/queue-baselines.json"
    public var sources: [Source] = []

    public init() {}
}
