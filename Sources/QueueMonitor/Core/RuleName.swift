/// The one vocabulary every source reports in, so an on-call engineer reads the same word for the
/// same kind of trouble whether the queue lives in SQS, a MySQL table or a Redis stream.
public enum RuleName: String, Sendable, Hashable, Codable, CaseIterable {
    /// Work is waiting and nothing is taking it.
    case stopped = "STOPPED"
    /// Work is taken but not completing.
    case stalled = "STALLED"
    /// Work moves, but the backlog does not shrink.
    case lagging = "LAGGING"
    /// One message keeps being delivered and failing.
    case poison = "POISON"
    /// A message gave up: dead-lettered, failed, or at its max attempts.
    case dead = "DEAD"
    /// The oldest message is past half its retention and may be deleted unprocessed.
    case retentionRisk = "RETENTION-RISK"
    /// The oldest ready message has waited longer than its threshold.
    case waiting = "WAITING"
    /// Running past its limit, but its heartbeat is fresh.
    case slow = "SLOW"
    /// Running past its limit with no fresh heartbeat: the worker is gone.
    case abandoned = "ABANDONED"
    /// Attempts are climbing towards the maximum.
    case retrying = "RETRYING"
    /// No dead-letter queue is configured, so poison messages loop unseen.
    case unguarded = "UNGUARDED"
    /// The source could not be read. Never reported as OK.
    case unknown = "UNKNOWN"
}
