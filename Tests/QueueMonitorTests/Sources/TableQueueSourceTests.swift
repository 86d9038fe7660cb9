import Foundation
import Logging
import MariaDB
import Testing
@testable import QueueMonitor

/// Against the real private MariaDB (infra/mariadb.sh): a table made from infra/queue-schema.sql,
/// seeded with ready, in-flight (stale and fresh heartbeats) and dead rows.
@Suite(.enabled(if: TestServers.available(TestServers.database), "needs SLUICE_TEST_DB_URL (infra/mariadb.sh start)"))
struct TableQueueSourceTests {
    let pool: ConnectionPool
    let table = "q_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
    let rules = TableQueueRules(
        settings: RuleSettings(window: 300, drillDownLimit: 5), waitWarning: 300, waitError: 1800,
        heartbeatTimeout: 120, runLimit: 3600, maxAttempts: 25)

    init() throws {
        let url = try #require(TestServers.database, "SLUICE_TEST_DB_URL is not set")
        var logger = Logger(label: "sluice.queues.test")
        logger.logLevel = .error
        pool = ConnectionPool(configuration: try DatabaseConfig(url: url), size: 2, logger: logger)
    }

    /// The shipped schema, under this test's own table name.
    private func createTable() async throws {
        _ = try await pool.query(try QueueSchema.createTable(table))
    }

    private func exec(_ sql: String, _ binds: [Value] = []) async throws {
        _ = try await pool.query(sql.replacingOccurrences(of: "$T", with: "`\(table)`"), binds)
    }

    /// Inserts a row whose times are offsets in seconds from the server's NOW(6) (nil leaves NULL).
    private func row(_ id: Int, queue: String = "mail", status: String, runAt: Double = -20, lockedAt: Double? = nil,
                     heartbeat: Double? = nil, attempts: Int = 0, failedAt: Double? = nil, finishedAt: Double? = nil,
                     error: String? = nil) async throws {
        func at(_ offset: Double?) -> String { offset == nil ? "NULL" : "NOW(6) + INTERVAL ? MICROSECOND" }
        let offsets = [runAt, lockedAt, heartbeat, failedAt, finishedAt].compactMap { $0 }.map { Value.int(Int64($0 * 1e6)) }
        try await exec("""
            INSERT INTO $T (id, queue, status, payload, run_at, locked_at, locked_by, heartbeat_at, attempts,
                            failed_at, finished_at, last_error)
            VALUES (?, ?, ?, '{}', \(at(runAt)), \(at(lockedAt)), ?, \(at(heartbeat)), ?, \(at(failedAt)), \(at(finishedAt)), ?)
            """, [.int(Int64(id)), .string(queue), .string(status)] + offsets.prefix(1)
                + (lockedAt == nil ? [] : [offsets[1]]) + [lockedAt == nil ? .null : .string("worker-\(id)")]
                + Array(offsets.dropFirst(lockedAt == nil ? 1 : 2).prefix(heartbeat == nil ? 0 : 1))
                + [.int(Int64(attempts))]
                + Array(offsets.dropFirst(1 + (lockedAt == nil ? 0 : 1) + (heartbeat == nil ? 0 : 1)))
                + [error.map { .string($0) } ?? .null])
    }

    private func seed() async throws {
        try await createTable()
        try await row(1, status: "ready", runAt: -10)
        try await row(2, status: "ready", runAt: -400)
        try await row(3, status: "ready", runAt: 3600)                                     // not due yet
        try await row(4, status: "running", lockedAt: -600, heartbeat: -300, attempts: 1)  // stale heartbeat
        try await row(5, status: "running", lockedAt: -4000, heartbeat: -5, attempts: 1)   // slow but alive
        try await row(6, status: "running", lockedAt: -30, heartbeat: -5, attempts: 1)     // healthy
        try await row(7, status: "running", lockedAt: -4000, attempts: 2)                  // never beat, old lock
        try await row(8, status: "failed", attempts: 25, failedAt: -100, error: "SMTP 550 mailbox unavailable")
        try await row(9, status: "ready", attempts: 25)                                    // out of attempts
        try await row(10, status: "ready", attempts: 16, error: "timeout")                 // retrying
        try await row(11, queue: "other", status: "failed", attempts: 25, failedAt: -50)   // another queue
        try await row(12, status: "done", attempts: 1, finishedAt: -10)
    }

    private func source() throws -> TableQueueSource {
        try TableQueueSource(name: "jobs-db", pool: pool, queues: [
            .init(name: "mail", columns: TableQueueColumns(
                table: table, queue: "queue", status: "status", readyAt: "run_at", lockedAt: "locked_at",
                lockedBy: "locked_by", heartbeatAt: "heartbeat_at", attempts: "attempts", maxAttempts: "max_attempts",
                failedAt: "failed_at", finishedAt: "finished_at", lastError: "last_error"), rules: rules),
        ])
    }

    @Test func eachTableRuleFiresWithTheRightRowsThenResolvesWhenFixed() async throws {
        try await seed()
        let watched = try source()
        let poll = try await watched.poll(baselines: [:])
        let fired = poll.findings.map { "\($0.rule.rawValue) \($0.severity.name) \($0.offenders.map(\.id))" }
        #expect(fired == [
            "WAITING warning [\"2\", \"9\", \"10\", \"1\"]",
            "ABANDONED error [\"7\", \"4\"]",
            "SLOW warning [\"5\"]",
            "RETRYING warning [\"10\"]",
            "DEAD error [\"8\"]",
            "DEAD error [\"9\"]",
        ])
        let byRule = Dictionary(grouping: poll.findings, by: \.rule)
        let waiting = try #require(byRule[.waiting]?.first)
        #expect(waiting.figure.threshold == 300)
        #expect((400..<460).contains(waiting.figure.value))
        let abandoned = try #require(byRule[.abandoned]?.first)
        #expect(abandoned.offenders.map(\.owner) == ["worker-7", "worker-4"])
        #expect(abandoned.offenders.map(\.attempts) == [2, 1])
        #expect(byRule[.dead]?.map(\.messageID) == ["8", "9"])
        #expect(byRule[.dead]?.first?.offenders.first?.lastError == "SMTP 550 mailbox unavailable")
        #expect(abandoned.inspect?.contains("`queue` = 'mail'") == true)
        #expect(abandoned.inspect?.hasSuffix("LIMIT 5") == true)
        #expect(poll.figures == [QueueFigures(source: "jobs-db", queue: "mail", oldestAge: waiting.figure.value,
                                              messages: ["ready": 4, "in_flight": 4, "dead": 2, "retrying": 1])])

        try await exec("UPDATE $T SET status = 'done', finished_at = NOW(6) WHERE id IN (2, 4, 5, 7, 9, 10)")
        try await exec("DELETE FROM $T WHERE id = 8")
        let fixed = try await watched.poll(baselines: [:])
        #expect(fixed.findings.isEmpty)
        try await exec("DROP TABLE $T")
    }

    @Test func acceptedDeadRowsFireAgainOnlyForTheRowsBeyondTheBaseline() async throws {
        try await createTable()
        try await row(1, status: "failed", attempts: 25, failedAt: -300, error: "old")
        try await row(2, status: "failed", attempts: 25, failedAt: -200, error: "old")
        let watched = try source()
        #expect(try await watched.poll(baselines: [:]).findings.compactMap(\.messageID) == ["1", "2"])
        #expect(try await watched.poll(baselines: ["mail": 2]).findings.isEmpty)
        try await row(3, status: "failed", attempts: 25, failedAt: -1, error: "new")
        try await row(4, status: "ready", attempts: 25)
        let grown = try await watched.poll(baselines: ["mail": 2])
        #expect(grown.findings.map { "\($0.rule.rawValue) \($0.messageID ?? "-")" } == ["DEAD 4", "DEAD 3"])
        #expect(grown.findings.first?.summary == "row 4 failed (4 dead rows in all, 2 accepted)")
        #expect(grown.findings.first?.inspect?.hasSuffix("ORDER BY `id` DESC LIMIT 5") == true)
        try await exec("DROP TABLE $T")
    }

    @Test func readyRowsNobodyRunsAcrossTheWindowAreStopped() async throws {
        try await createTable()
        try await row(1, status: "ready", runAt: -5)
        var stoppedRules = rules
        stoppedRules.settings.window = 0.2
        let watched = try TableQueueSource(name: "jobs-db", pool: pool, queues: [
            .init(name: "mail", columns: TableQueueColumns.sluice.renamed(table), rules: stoppedRules),
        ])
        #expect(try await watched.poll(baselines: [:]).findings.isEmpty)
        try await Task.sleep(for: .milliseconds(300))
        let poll = try await watched.poll(baselines: [:])
        #expect(poll.findings.map(\.rule) == [.stopped])
        #expect(poll.findings.first?.offenders.map(\.id) == ["1"])
        try await exec("DROP TABLE $T")
    }

    /// 20,000 rows over 50 queues, 97% of them done (what a cycle must not read). Each queue has 4
    /// ready rows, 4 running (2 with a stale heartbeat, 1 slow) and 4 failed.
    private func seedMostlyDone() async throws {
        try await createTable()
        try await exec("""
            INSERT INTO $T (queue, status, payload, run_at, locked_at, locked_by, heartbeat_at, attempts,
                            failed_at, finished_at)
            SELECT CONCAT('q', seq % 50), ELT(1 + LEAST(seq DIV 50 % 100, 3), 'ready', 'running', 'failed', 'done'),
                   '{}', NOW(6) - INTERVAL seq SECOND,
                   IF(seq DIV 50 % 100 = 1, NOW(6) - INTERVAL seq SECOND, NULL), IF(seq DIV 50 % 100 = 1, 'w', NULL),
                   IF(seq DIV 50 % 100 = 1, NOW(6) - INTERVAL (seq % 400) SECOND, NULL),
                   IF(seq DIV 50 % 100 = 2, 25, 1 + seq % 20), IF(seq DIV 50 % 100 = 2, NOW(6), NULL),
                   IF(seq DIV 50 % 100 > 2, NOW(6) - INTERVAL seq SECOND, NULL)
            FROM seq_1_to_20000
            """)
        try await exec("ANALYZE TABLE $T")
    }

    private func plan(_ statement: TableQueueStatement) async throws -> [Row] {
        try await pool.query("EXPLAIN " + statement.sql, statement.binds).rows
    }

    @Test func countsAreOnePassOverTheClaimIndexAlone() async throws {
        try await seedMostlyDone()
        let queries = TableQueueQueries(columns: TableQueueColumns.sluice.renamed(table), queueValue: "q0", rules: rules)
        let steps = try await plan(queries.counts().statement)
        #expect(steps.count == 1)
        let step = try #require(steps.first)
        #expect(step["table"]?.string == table)
        #expect(step["key"]?.string == "\(table)_claim")
        #expect(step["type"]?.string == "range")
        // "Using index": answered from the index, no row read; 400 rows are ready, running or failed,
        // the 19,600 done rows (of q0 and of the other queues) are not in the range.
        #expect(step["Extra"]?.string?.contains("Using index") == true)
        let estimate: UInt64? = switch step["rows"] {
        case .uint(let rows)?: rows
        case .int(let rows)?: UInt64(rows)
        default: step["rows"]?.string.flatMap { UInt64($0) }
        }
        #expect((estimate ?? .max) < 100)
        let statement = queries.counts().statement
        let row = try #require(try await pool.query(statement.sql, statement.binds).rows.first)
        #expect(queries.counts().groups == [.ready, .running, .abandoned, .slow, .retrying, .dead])
        #expect((2...7).map { row[$0].int } == [4, 4, 2, 1, 0, 4])
        #expect((20_000_000_000..<20_100_000_000).contains(row[1].int ?? 0))   // the oldest due row, in µs
        try await exec("DROP TABLE $T")
    }

    @Test(arguments: [TableQueueQueries.Group.ready, .abandoned, .slow, .dead])
    func drillDownsChooseTheirRowsFromTheIndexThenReadOnlyThose(group: TableQueueQueries.Group) async throws {
        try await seedMostlyDone()
        let queries = TableQueueQueries(columns: TableQueueColumns.sluice.renamed(table), queueValue: "q0", rules: rules)
        let lookup = try #require(queries.lookup(group, limit: 5))
        let steps = try await plan(lookup)
        let choose = try #require(steps.first { $0["select_type"]?.string == "DERIVED" })
        #expect(choose["key"]?.string == "\(table)_claim")
        #expect(choose["Extra"]?.string?.contains("Using index") == true)
        let read = try #require(steps.first { $0["table"]?.string == table && $0["select_type"]?.string == "PRIMARY" })
        #expect(read["key"]?.string == "PRIMARY")
        #expect(read["type"]?.string == "eq_ref")
        // The plain form a human pastes names the same rows in the same order.
        let drillDown = try #require(queries.drillDown(group, limit: 5))
        let plain = try await pool.query(drillDown.sql, drillDown.binds)
        let executed = try await pool.query(lookup.sql, lookup.binds)
        #expect(!executed.rows.isEmpty)
        #expect(executed.rows.map { $0[0].int } == plain.rows.map { $0[0].int })
        try await exec("DROP TABLE $T")
    }

    @Test func readyDrillDownUsesTheClaimOrderWithoutAFilesort() async throws {
        try await seedMostlyDone()
        let queries = TableQueueQueries(columns: TableQueueColumns.sluice.renamed(table), queueValue: "q0", rules: rules)
        let ready = try #require(queries.drillDown(.ready, limit: 5))
        let first = try #require(try await plan(ready).first)
        #expect(first["key"]?.string == "\(table)_claim")
        #expect(first["Extra"]?.string?.contains("filesort") == false)
        try await exec("DROP TABLE $T")
    }

    @Test func everyStatementIsAPlainSelectWithBindsAndLimits() throws {
        let queries = TableQueueQueries(columns: .sluice, queueValue: "mail'; DROP TABLE x; --", rules: rules)
        let drillDowns = TableQueueQueries.Group.allCases.flatMap {
            [queries.drillDown($0, limit: 5), queries.lookup($0, limit: 5)].compactMap { $0 }
        }
        let statements = [queries.counts().statement, try #require(queries.finishedRecently())] + drillDowns
        for statement in statements {
            #expect(statement.sql.hasPrefix("SELECT "))
            #expect(!statement.sql.uppercased().contains("FOR UPDATE"))
            #expect(!statement.sql.contains("mail"))
            #expect(statement.sql.filter { $0 == "?" }.count == statement.binds.count)
        }
        #expect(drillDowns.count == 2 * TableQueueQueries.Group.allCases.count)
        #expect(drillDowns.allSatisfy { $0.sql.contains(" LIMIT ?") })
        #expect(queries.drillDown(.ready, limit: 5)?.pasteable == "SELECT `id`, TIMESTAMPDIFF(MICROSECOND, `run_at`, NOW(6)), "
            + "`attempts`, `locked_by`, LEFT(`last_error`, 500) FROM `sluice_jobs` WHERE (`queue` = 'mail''; DROP TABLE x; --') "
            + "AND (`status` IN ('ready')) AND (`run_at` <= NOW(6)) ORDER BY `run_at` ASC LIMIT 5")
    }

    @Test(arguments: [("jobs; DROP", "table"), ("1abc", "table"), ("a.b.c", "table")])
    func columnMapsWithOddIdentifiersAreRefused(name: String, role: String) throws {
        var columns = TableQueueColumns.sluice
        columns.table = name
        #expect(throws: QueueSourceError(.malformed, "queue mail: \(role) column '\(name)' is not a plain identifier")) {
            _ = try TableQueueSource(name: "db", pool: pool, queues: [.init(name: "mail", columns: columns)])
        }
    }

    @Test func laravelAndDelayedJobMapsBuildStatementsWithoutStatus() {
        let laravel = TableQueueQueries(columns: .laravel, queueValue: "default", rules: rules)
        #expect(laravel.condition(.ready)?.sql == "(`queue` = ?) AND ((`reserved_at` IS NULL)) AND (`available_at` <= UNIX_TIMESTAMP(NOW(6)))")
        #expect(laravel.condition(.slow) == nil)
        let delayed = TableQueueQueries(columns: .delayedJob, queueValue: "default", rules: rules)
        #expect(delayed.condition(.dead)?.sql == "(`queue` = ?) AND ((`failed_at` IS NOT NULL) OR (((`failed_at` IS NULL)) AND (`attempts` >= ?)))")
    }
}

extension TableQueueColumns {
    func renamed(_ table: String) -> TableQueueColumns {
        var copy = self
        copy.table = table
        return copy
    }
}
