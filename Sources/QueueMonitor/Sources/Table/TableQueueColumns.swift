/// Which columns of an existing table play which part, so Sluice's own table, Laravel's `jobs`
/// or a Delayed::Job table can be watched without a migration. Only `id` and a ready-at column
/// are required; every rule whose columns are missing is simply not evaluated.
public struct TableQueueColumns: Sendable, Hashable {
    /// How a time column stores time.
    public enum TimeStorage: String, Sendable, Hashable {
        /// DATETIME / TIMESTAMP, compared with NOW(6).
        case datetime
        /// Integer seconds since the epoch (Laravel), compared with UNIX_TIMESTAMP(NOW(6)).
        case unix
    }

    public var table: String
    public var id: String
    /// The column naming the queue, when one table holds several queues.
    public var queue: String?
    /// A status column; without one, "running" means locked and "ready" means not locked.
    public var status: String?
    public var readyValues: [String]
    public var runningValues: [String]
    public var failedValues: [String]
    public var readyAt: String
    public var lockedAt: String?
    public var lockedBy: String?
    public var heartbeatAt: String?
    public var attempts: String?
    /// A per-row max-attempts column; without one the rules' fixed maximum applies.
    public var maxAttempts: String?
    public var failedAt: String?
    public var finishedAt: String?
    public var lastError: String?
    public var timeStorage: TimeStorage

    public init(
        table: String, id: String = "id", queue: String? = nil, status: String? = nil,
        readyValues: [String] = ["ready"], runningValues: [String] = ["running"], failedValues: [String] = ["failed"],
        readyAt: String, lockedAt: String? = nil, lockedBy: String? = nil, heartbeatAt: String? = nil,
        attempts: String? = nil, maxAttempts: String? = nil, failedAt: String? = nil, finishedAt: String? = nil,
        lastError: String? = nil, timeStorage: TimeStorage = .datetime
    ) {
        self.table = table
        self.id = id
        self.queue = queue
        self.status = status
        self.readyValues = readyValues
        self.runningValues = runningValues
        self.failedValues = failedValues
        self.readyAt = readyAt
        self.lockedAt = lockedAt
        self.lockedBy = lockedBy
        self.heartbeatAt = heartbeatAt
        self.attempts = attempts
        self.maxAttempts = maxAttempts
        self.failedAt = failedAt
        self.finishedAt = finishedAt
        self.lastError = lastError
        self.timeStorage = timeStorage
    }

    /// The table `infra/queue-schema.sql` creates, which the `enqueue` step writes.
    public static let sluice = TableQueueColumns(
        table: "sluice_jobs", queue: "queue", status: "status", readyAt: "run_at", lockedAt: "locked_at",
        lockedBy: "locked_by", heartbeatAt: "heartbeat_at", attempts: "attempts", maxAttempts: "max_attempts",
        failedAt: "failed_at", finishedAt: "finished_at", lastError: "last_error")

    /// Laravel's `jobs` table (failed jobs live in `failed_jobs`, watched as a table of its own).
    public static let laravel = TableQueueColumns(
        table: "jobs", queue: "queue", readyAt: "available_at", lockedAt: "reserved_at", attempts: "attempts",
        timeStorage: .unix)

    /// Delayed::Job's `delayed_jobs`.
    public static let delayedJob = TableQueueColumns(
        table: "delayed_jobs", queue: "queue", readyAt: "run_at", lockedAt: "locked_at", lockedBy: "locked_by",
        attempts: "attempts", failedAt: "failed_at", lastError: "last_error")

    /// Every identifier, for validation: they are spliced into SQL, so each must be a plain name.
    var identifiers: [(role: String, name: String)] {
        let optional: [(String, String?)] = [
            ("queue", queue), ("status", status), ("locked_at", lockedAt), ("locked_by", lockedBy),
            ("heartbeat_at", heartbeatAt), ("attempts", attempts), ("max_attempts", maxAttempts),
            ("failed_at", failedAt), ("finished_at", finishedAt), ("last_error", lastError),
        ]
        return [("table", table), ("id", id), ("ready_at", readyAt)] + optional.compactMap { role, name in
            name.map { (role, $0) }
        }
    }

    /// Names that are safe to quote with backticks: letters, digits, `_` and `$`, optionally one
    /// `schema.` prefix for the table. Returns the first offending role and name.
    public func invalidIdentifier() -> (role: String, name: String)? {
        identifiers.first { role, name in
            let parts = name.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 1 || (role == "table" && parts.count == 2) else { return true }
            return !parts.allSatisfy { part in
                !part.isEmpty && part.count <= 64 && part.utf8.allSatisfy {
                    ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A)
                        || $0 == 0x5F || $0 == 0x24
                } && !(part.first?.isNumber ?? true)
            }
        }
    }
}
