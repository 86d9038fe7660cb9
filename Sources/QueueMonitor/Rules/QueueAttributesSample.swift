import Foundation

/// One poll of an SQS-compatible queue's attributes (GetQueueAttributes never changes the queue).
public struct QueueAttributesSample: Observation, Hashable {
    public var observedAt: Date
    /// ApproximateNumberOfMessages: ready to be received.
    public var visible: Int
    /// ApproximateNumberOfMessagesNotVisible: received, not deleted, inside the visibility timeout.
    public var inFlight: Int
    public var delayed: Int
    public var visibilityTimeout: Double
    public var retentionPeriod: Double
    /// The redrive policy's maxReceiveCount, nil when the queue has no dead-letter queue.
    public var maxReceiveCount: Int?
    /// The queues that dead-letter into this one; non-empty makes this a dead-letter queue.
    public var deadLetterSources: [String]
    /// Visible messages of this queue's dead-letter queue, when it has one.
    public var deadLetterVisible: Int?
    /// ApproximateAgeOfOldestMessage from CloudWatch, when that enrichment is configured.
    public var oldestAge: Double?

    public init(
        observedAt: Date, visible: Int, inFlight: Int, delayed: Int = 0, visibilityTimeout: Double = 30,
        retentionPeriod: Double = 345_600, maxReceiveCount: Int? = nil, deadLetterSources: [String] = [],
        deadLetterVisible: Int? = nil, oldestAge: Double? = nil
    ) {
        self.observedAt = observedAt
        self.visible = visible
        self.inFlight = inFlight
        self.delayed = delayed
        self.visibilityTimeout = visibilityTimeout
        self.retentionPeriod = retentionPeriod
        self.maxReceiveCount = maxReceiveCount
        self.deadLetterSources = deadLetterSources
        self.deadLetterVisible = deadLetterVisible
        self.oldestAge = oldestAge
    }

    public var isDeadLetterQueue: Bool { !deadLetterSources.isEmpty }
    public var total: Int { visible + inFlight + delayed }
}
