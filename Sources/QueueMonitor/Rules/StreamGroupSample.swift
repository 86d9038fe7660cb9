import Foundation

/// One poll of a Redis stream consumer group: XINFO GROUPS, XINFO CONSUMERS and XPENDING, all
/// read-only (the monitor never claims an entry).
public struct StreamGroupSample: Observation, Hashable {
    public struct Consumer: Sendable, Hashable {
        public var name: String
        public var pending: Int
        /// Milliseconds since the consumer last talked to the server.
        public var idle: Int

        public init(name: String, pending: Int, idle: Int) {
            self.name = name
            self.pending = pending
            self.idle = idle
        }
    }

    public struct PendingEntry: Sendable, Hashable {
        public var id: String
        public var consumer: String
        /// Milliseconds since the entry was last delivered.
        public var idle: Int
        public var deliveries: Int

        public init(id: String, consumer: String, idle: Int, deliveries: Int) {
            self.id = id
            self.consumer = consumer
            self.idle = idle
            self.deliveries = deliveries
        }
    }

    public var observedAt: Date
    /// Entries not yet delivered to the group; nil when the server cannot tell.
    public var lag: Int?
    public var pending: Int
    public var lastDeliveredID: String
    public var consumers: [Consumer]
    /// The oldest pending entries, as XPENDING lists them.
    public var oldestPending: [PendingEntry]

    public init(
        observedAt: Date, lag: Int?, pending: Int, lastDeliveredID: String, consumers: [Consumer] = [],
        oldestPending: [PendingEntry] = []
    ) {
        self.observedAt = observedAt
        self.lag = lag
        self.pending = pending
        self.lastDeliveredID = lastDeliveredID
        self.consumers = consumers
        self.oldestPending = oldestPending
    }
}
