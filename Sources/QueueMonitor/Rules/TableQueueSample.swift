import Foundation

/// One poll of a table queue, with ages computed by the server from its own `NOW(6)`.
public struct TableQueueSample: Observation, Hashable {
    /// A count and the oldest rows behind it (at most the drill-down limit).
    public struct Group: Sendable, Hashable {
        public var count: Int
        public var oldest: [Offender]
        /// The oldest row's age, known from the counts even when its rows were not read.
        public var oldestAge: Double?

        public init(count: Int = 0, oldest: [Offender] = [], oldestAge: Double? = nil) {
            self.count = count
            self.oldest = oldest
            self.oldestAge = oldestAge ?? oldest.first?.age
        }

        public static let none = Group()
    }

    public var observedAt: Date
    /// Ready rows whose run-at has come.
    public var ready: Group
    public var running: Int
    /// Rows finished inside the rule window, nil when the table keeps no finished-at.
    public var finishedRecently: Int?
    /// Running, with a stale heartbeat (or, without heartbeats, locked past the run limit).
    public var abandoned: Group
    /// Running past the run limit with a fresh heartbeat.
    public var slow: Group
    public var retrying: Group
    public var dead: Group

    public init(
        observedAt: Date, ready: Group = .none, running: Int = 0, finishedRecently: Int? = nil,
        abandoned: Group = .none, slow: Group = .none, retrying: Group = .none, dead: Group = .none
    ) {
        self.observedAt = observedAt
        self.ready = ready
        self.running = running
        self.finishedRecently = finishedRecently
        self.abandoned = abandoned
        self.slow = slow
        self.retrying = retrying
        self.dead = dead
    }
}
