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
    private func ageMicroseconds(_ expression: TableQueueStatement) -> TableQueueStatement {
        switch columns.timeStorage {
        case .datetime:
            TableQueueStatement("TIMESTAMPDIFF(MICROSECOND, ") + expression + TableQueueStatement(", NOW(6))")
        case .unix:
            TableQueueStatement("CAST((UNIX_TIMESTAMP(NOW(6)) - ") + expression
                + TableQueueStatement(") * 1000000 AS SIGNED)")
        }
    }

    private func ageMicroseconds(_ expression: String) -> String {
        ageMicroseconds(TableQueueStatement(expression)).sql
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

    /// The condition that puts a row of this queue in `group`, or nil when the column map cannot tell.
    public func condition(_ group: Group) -> TableQueueStatement? {
        clauses(group).map { .all((inQueue.map { [$0] } ?? []) + $0) }
    }

    /// The condition on a row alone, without the queue.
    private func predicate(_ group: Group) -> TableQueueStatement? { clauses(group).map { .all($0) } }

    private func clauses(_ group: Group) -> [TableQueueStatement]? {
        func with(_ clauses: [TableQueueStatement?]) -> [TableQueueStatement]? {
            clauses.contains { $0 == nil } ? nil : clauses.compactMap { $0 }
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

    /// The rows any group can hold: the queue's ready, running and failed rows. Finished rows,
    /// which grow without bound, are never read by a cycle; an index on (queue, status, …) bounds it.
    private var activeRows: TableQueueStatement {
        let unfinished = inStatus(columns.readyValues + columns.runningValues + columns.failedValues)
            ?? columns.finishedAt.map { TableQueueStatement("\(c($0)) IS NULL") }
        return .all([inQueue, unfinished].compactMap { $0 })
    }

    /// One statement, one pass over the active rows: the server's clock (µs since the epoch), the
    /// age of the oldest due row (µs, NULL when none) and a count per group it can tell. With an
    /// index holding every column the conditions read (`sluice_jobs_claim`), it never reads a row.
    public func counts() -> (statement: TableQueueStatement, groups: [Group]) {
        var statement = TableQueueStatement("SELECT CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS SIGNED) AS now_us, ")
        if let ready = predicate(.ready) {
            let due = TableQueueStatement("MIN(CASE WHEN ") + ready
                + TableQueueStatement(" THEN \(c(columns.readyAt)) END)")
            statement = statement + ageMicroseconds(due)
        } else {
            statement = statement + TableQueueStatement("NULL")
        }
        statement = statement + TableQueueStatement(" AS oldest_ready_us")
        var groups: [Group] = []
        for group in Group.allCases where group != .finished {
            guard let predicate = predicate(group) else { continue }
            statement = statement + TableQueueStatement(", COUNT(CASE WHEN ") + predicate
                + TableQueueStatement(" THEN 1 END) AS `\(group.rawValue)`")
            groups.append(group)
        }
        return (statement + TableQueueStatement(" FROM \(table) WHERE ") + activeRows, groups)
    }

    /// Rows finished inside the rule window, read only when STOPPED needs it (ready rows, none
    /// running); nil when the table keeps no finished-at.
    public func finishedRecently() -> TableQueueStatement? {
        condition(.finished).map { TableQueueStatement("SELECT COUNT(*) FROM \(table) WHERE ") + $0 }
    }

    /// The oldest rows of a group: id, age (µs, from the column that makes them offend),
    /// attempts, owner and last error, at most `limit`. The plain form, for a human to paste.
    public func drillDown(_ group: Group, limit: Int) -> TableQueueStatement? {
        guard let (condition, select, order) = drillDownParts(group) else { return nil }
        return TableQueueStatement("SELECT \(select) FROM \(table) WHERE ") + condition
            + TableQueueStatement(" ORDER BY \(order) LIMIT ?", [.int(Int64(max(1, limit)))])
    }

    /// The same rows as `drillDown`, as the monitor runs it: the ids are chosen from the index
    /// alone (the conditions and the order read only indexed columns), and only those `limit`
    /// rows are then read, so a group of thousands costs no more than one of five.
    public func lookup(_ group: Group, limit: Int) -> TableQueueStatement? {
        guard let (condition, select, order) = drillDownParts(group) else { return nil }
        let id = c(columns.id)
        return TableQueueStatement("SELECT \(select) FROM \(table) JOIN (SELECT \(id) FROM \(table) WHERE ") + condition
            + TableQueueStatement(" ORDER BY \(order) LIMIT ?) AS `picked` USING (\(id)) ORDER BY \(order)",
                                  [.int(Int64(max(1, limit)))])
    }

    private func drillDownParts(_ group: Group) -> (condition: TableQueueStatement, select: String, order: String)? {
        guard let condition = condition(group) else { return nil }
        let ageColumn: String
        let order: String
        switch group {
        case .abandoned:
            let since = [columns.heartbeatAt, columns.lockedAt].compactMap { $0 }.map(c).joined(separator: ", ")
            ageColumn = columns.heartbeatAt == nil ? since : "COALESCE(\(since))"
            // Sorted on an expression anyway, so the id breaks ties: the chosen and the pasted
            // form list rows with equal heartbeats in the same order.
            order = "\(ageColumn) ASC, \(c(columns.id)) ASC"
        case .slow, .running:
            ageColumn = c(columns.lockedAt ?? columns.readyAt)
            order = "\(ageColumn) ASC"
        case .retrying:
            ageColumn = c(columns.readyAt)
            order = "\(c(columns.attempts ?? columns.id)) DESC, \(c(columns.id)) ASC"
        case .dead:
            // Past an accepted baseline, the newest rows are the ones not yet accepted.
            ageColumn = c(columns.failedAt ?? columns.readyAt)
            order = "\(c(columns.id)) \(rules.deadBaseline > 0 ? "DESC" : "ASC")"
        case .ready, .finished:
            ageColumn = c(columns.readyAt)
            order = "\(ageColumn) ASC"
        }
        let select = [
            c(columns.id), ageMicroseconds(ageColumn),
            columns.attempts.map(c) ?? "NULL", columns.lockedBy.map(c) ?? "NULL",
            columns.lastError.map { "LEFT(\(c($0)), 500)" } ?? "NULL",
        ].joined(separator: ", ")
        return (condition, select, order)
    }
}
