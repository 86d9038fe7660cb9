import MariaDB

/// Builds the monitor's statements for one queue of a table: one statement of counts, then a
/// drill-down per group that has rows. All are plain SELECTs (never FOR UPDATE), compute ages on
/// the server from NOW(6), and carry a LIMIT.
public struct TableQueueQueries: Sendable {
    public enum Group: String, Sendable, CaseIterable {
        case ready, running, finished, abandoned, slow, retrying, dead
    }

    public let columns: TableQueueColumns
    public let queueValue: String
    public let rules: TableQueueRules

    public init(columns: TableQueueColumns, queueValue: String, rules: TableQueueRules) {
        self.columns = columns
        self.queueValue = queueValue
        self.rules = rules
    }

    static func quote(_ identifier: String) -> String {
        identifier.split(separator: ".").map { "`\($0)`" }.joined(separator: ".")
    }

    private var table: String { Self.quote(columns.table) }
    private func c(_ name: String) -> String { Self.quote(name) }

    private var now: String { columns.timeStorage == .datetime ? "NOW(6)" : "UNIX_TIMESTAMP(NOW(6))" }

    /// `column < now − seconds`, sargable so the index on the time column can serve it.
    private func older(_ column: String, than seconds: Double) -> TableQueueStatement {
        switch columns.timeStorage {
        case .datetime: TableQueueStatement("\(c(column)) < NOW(6) - INTERVAL ? MICROSECOND", [.int(Int64(seconds * 1e6))])
        case .unix: TableQueueStatement("\(c(column)) < UNIX_TIMESTAMP(NOW(6)) - ?", [.double(seconds)])
        }
    }

    private func fresh(_ column: String, within seconds: Double) -> TableQueueStatement {
        switch columns.timeStorage {
        case .datetime: TableQueueStatement("\(c(column)) >= NOW(6) - INTERVAL ? MICROSECOND", [.int(Int64(seconds * 1e6))])
        case .unix: TableQueueStatement("\(c(column)) >= UNIX_TIMESTAMP(NOW(6)) - ?", [.double(seconds)])
        }
    }

    /// Microseconds since `expression`, as an integer computed by the server.
    private func ageMicroseconds(_ expression: String) -> String {
        switch columns.timeStorage {
        case .datetime: "TIMESTAMPDIFF(MICROSECOND, \(expression), NOW(6))"
        case .unix: "CAST((UNIX_TIMESTAMP(NOW(6)) - \(expression)) * 1000000 AS SIGNED)"
        }
    }

    private func inStatus(_ values: [String]) -> TableQueueStatement? {
        guard let status = columns.status, !values.isEmpty else { return nil }
        return TableQueueStatement("\(c(status)) IN (\(values.map { _ in "?" }.joined(separator: ", ")))",
                                   values.map { .string($0) })
    }

    private var inQueue: TableQueueStatement? {
        columns.queue.map { TableQueueStatement("\(c($0)) = ?", [.string(queueValue)]) }
    }

    /// Not finished and not failed, for tables without a status column.
    private var openRow: [TableQueueStatement] {
        [columns.failedAt, columns.finishedAt].compactMap { $0 }.map { TableQueueStatement("\(c($0)) IS NULL") }
    }

    private var maxAttemptsOperand: TableQueueStatement {
        columns.maxAttempts.map { TableQueueStatement(c($0)) } ?? TableQueueStatement("?", [.int(Int64(rules.maxAttempts))])
    }

    private var readyState: TableQueueStatement? {
        if let status = inStatus(columns.readyValues) { return status }
        guard let locked = columns.lockedAt else { return nil }
        return .all([TableQueueStatement("\(c(locked)) IS NULL")] + openRow)
    }

    private var runningState: TableQueueStatement? {
        if let status = inStatus(columns.runningValues) { return status }
        guard let locked = columns.lockedAt else { return nil }
        return .all([TableQueueStatement("\(c(locked)) IS NOT NULL")] + openRow)
    }

    private var activeState: TableQueueStatement? {
        if let status = inStatus(columns.readyValues + columns.runningValues) { return status }
        return openRow.isEmpty ? nil : .all(openRow)
    }

    /// The condition that puts a row in `group`, or nil when the column map cannot tell.
    public func condition(_ group: Group) -> TableQueueStatement? {
        let base = inQueue.map { [$0] } ?? []
        func with(_ clauses: [TableQueueStatement?]) -> TableQueueStatement? {
            clauses.contains { $0 == nil } ? nil : .all(base + clauses.compactMap { $0 })
        }
        switch group {
        case .ready:
            return with([readyState, TableQueueStatement("\(c(columns.readyAt)) <= \(now)")])
        case .running:
            return with([runningState])
        case .finished:
            guard let finished = columns.finishedAt else { return nil }
            return with([fresh(finished, within: rules.settings.window)])
        case .abandoned:
            guard let locked = columns.lockedAt else { return nil }
            let stale: TableQueueStatement
            if let heartbeat = columns.heartbeatAt {
                let silent = older(heartbeat, than: rules.heartbeatTimeout)
                let never = TableQueueStatement("\(c(heartbeat)) IS NULL AND ") + older(locked, than: rules.runLimit)
                stale = TableQueueStatement("(") + silent + TableQueueStatement(") OR (") + never + TableQueueStatement(")")
            } else {
                stale = older(locked, than: rules.runLimit)
            }
            return with([runningState, stale])
        case .slow:
            guard let locked = columns.lockedAt, let heartbeat = columns.heartbeatAt else { return nil }
            return with([runningState, fresh(heartbeat, within: rules.heartbeatTimeout), older(locked, than: rules.runLimit)])
        case .retrying:
            guard let attempts = columns.attempts else { return nil }
            let climbing = TableQueueStatement("\(c(attempts)) >= ? AND \(c(attempts)) < ", [.int(Int64(rules.retryingAttempts))])
                + maxAttemptsOperand
            return with([activeState, climbing])
        case .dead:
            var reasons: [TableQueueStatement] = []
            if let failed = inStatus(columns.failedValues) { reasons.append(failed) }
            if columns.status == nil, let failedAt = columns.failedAt { reasons.append(TableQueueStatement("\(c(failedAt)) IS NOT NULL")) }
            if let attempts = columns.attempts {
                var exhausted = TableQueueStatement("\(c(attempts)) >= ") + maxAttemptsOperand
                if let active = activeState { exhausted = .all([active, exhausted]) }
                reasons.append(exhausted)
            }
            guard !reasons.isEmpty else { return nil }
            var any = TableQueueStatement(reasons.map { "(\($0.sql))" }.joined(separator: " OR "), reasons.flatMap(\.binds))
            // Narrow to the statuses involved first, so the (queue, status, …) index bounds the scan.
            if let statuses = inStatus(columns.failedValues + columns.readyValues + columns.runningValues) {
                any = .all([statuses, any])
            }
            return with([any])
        }
    }

    /// One row: the server's clock (µs since the epoch) and a count per group it can tell.
    public func counts() -> (statement: TableQueueStatement, groups: [Group]) {
        var statement = TableQueueStatement("SELECT CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS SIGNED) AS now_us")
        var groups: [Group] = []
        for group in Group.allCases {
            guard let condition = condition(group) else { continue }
            statement = statement + TableQueueStatement(", (SELECT COUNT(*) FROM \(table) WHERE ") + condition
                + TableQueueStatement(") AS `\(group.rawValue)`")
            groups.append(group)
        }
        return (statement, groups)
    }

    /// The oldest rows of a group: id, age (µs, from the column that makes them offend),
    /// attempts, owner and last error, at most `limit`.
    public func drillDown(_ group: Group, limit: Int) -> TableQueueStatement? {
        guard let condition = condition(group) else { return nil }
        let ageColumn: String
        let order: String
        switch group {
        case .abandoned:
            let since = [columns.heartbeatAt, columns.lockedAt].compactMap { $0 }.map(c).joined(separator: ", ")
            ageColumn = columns.heartbeatAt == nil ? since : "COALESCE(\(since))"
            order = "\(ageColumn) ASC"
        case .slow, .running:
            ageColumn = c(columns.lockedAt ?? columns.readyAt)
            order = "\(ageColumn) ASC"
        case .retrying:
            ageColumn = c(columns.readyAt)
            order = "\(c(columns.attempts ?? columns.id)) DESC, \(c(columns.id)) ASC"
        case .dead:
            ageColumn = c(columns.failedAt ?? columns.readyAt)
            order = "\(c(columns.id)) ASC"
        case .ready, .finished:
            ageColumn = c(columns.readyAt)
            order = "\(ageColumn) ASC"
        }
        let select = [
            c(columns.id), ageMicroseconds(ageColumn),
            columns.attempts.map(c) ?? "NULL", columns.lockedBy.map(c) ?? "NULL",
            columns.lastError.map { "LEFT(\(c($0)), 500)" } ?? "NULL",
        ].joined(separator: ", ")
        return TableQueueStatement("SELECT \(select) FROM \(table) WHERE ") + condition
            + TableQueueStatement(" ORDER BY \(order) LIMIT ?", [.int(Int64(max(1, limit)))])
    }
}
