import BenchmarkHarness
import Foundation
import Logging
import MariaDB
import QueueMonitor

// One evaluation cycle of the table-queue monitor over 100 queues of a 1,000,000-row table built
// from infra/queue-schema.sql, against two baselines run on the same server in the same process:
//   - the bare minimum: one indexed ready-count per queue (what any monitor must read);
//   - the naive scan: one GROUP BY queue, status over the whole table (a monitor without the index).
// Needs SLUICE_TEST_DB_URL (infra/mariadb.sh url); run with
//   swift run -c release --package-path Benchmarks QueueBenchmark

guard let url = ProcessInfo.processInfo.environment["SLUICE_TEST_DB_URL"] else {
    print("set SLUICE_TEST_DB_URL to a MariaDB URL (infra/mariadb.sh start prints one)")
    exit(2)
}
var logger = Logger(label: "sluice.queues.bench")
logger.logLevel = .warning
let pool = ConnectionPool(configuration: try DatabaseConfig(url: url), size: 4, logger: logger)
let table = "bench_jobs"
let rows = 1_000_000
let queueCount = 100

let schemaFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../../infra/queue-schema.sql")
let schema = try String(contentsOf: schemaFile, encoding: .utf8).split(separator: "\n")
    .filter { !$0.hasPrefix("--") }.joined(separator: "\n")
    .replacingOccurrences(of: "sluice_jobs", with: table)
    .trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: ";"))

// A table seeded by an earlier run is reused while its claim index still has the schema's columns.
let claimColumns = schema.split(separator: "\n").first { $0.contains("\(table)_claim (") }
    .map { $0.filter { $0 == "," }.count } ?? 0
let existing = try await pool.query(
    "SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = DATABASE() AND index_name = ?",
    [.string("\(table)_claim")])
let seeded = existing.rows.first?[0].int == Int64(claimColumns)
    ? (try await pool.query("SELECT COUNT(DISTINCT status) FROM \(table) WHERE queue = 'q0'").rows.first?[0].int ?? 0) : 0
if seeded != 4 || ProcessInfo.processInfo.environment["SLUICE_BENCH_RESEED"] != nil {
    print("seeding \(rows) rows over \(queueCount) queues…")
    _ = try await pool.query("DROP TABLE IF EXISTS \(table)")
    _ = try await pool.query(schema)
    // Per queue: 96% done, 2% ready (some overdue), 1% running (some with stale heartbeats), 1% failed.
    // The status follows seq DIV 100, the queue seq % 100, so every queue gets every status.
    _ = try await pool.query("""
        INSERT INTO \(table) (queue, status, payload, run_at, locked_at, locked_by, heartbeat_at, attempts,
                              failed_at, finished_at, last_error)
        SELECT CONCAT('q', seq % \(queueCount)),
               ELT(1 + (seq DIV 100 % 100 >= 96) + (seq DIV 100 % 100 >= 98) + (seq DIV 100 % 100 >= 99), 'done', 'ready', 'running', 'failed'),
               '{}',
               NOW(6) - INTERVAL (seq % 900) SECOND,
               IF(seq DIV 100 % 100 = 98, NOW(6) - INTERVAL (seq % 700) SECOND, NULL),
               IF(seq DIV 100 % 100 = 98, CONCAT('worker-', seq % 7), NULL),
               IF(seq DIV 100 % 100 = 98, NOW(6) - INTERVAL (seq % 300) SECOND, NULL),
               IF(seq DIV 100 % 100 = 99, 25, 1),
               IF(seq DIV 100 % 100 = 99, NOW(6) - INTERVAL (seq % 3600) SECOND, NULL),
               IF(seq DIV 100 % 100 < 96, NOW(6) - INTERVAL (seq % 86400) SECOND, NULL),
               IF(seq DIV 100 % 100 = 99, 'boom', NULL)
        FROM seq_1_to_\(rows)
        """)
    _ = try await pool.query("ANALYZE TABLE \(table)")
}

let names = (0..<queueCount).map { "q\($0)" }
var columns = TableQueueColumns.sluice
columns.table = table
let source = try TableQueueSource(name: "bench", pool: pool, queues: names.map {
    TableQueueSource.Queue(name: $0, columns: columns)
})
let watcher = QueueWatcher(sources: [source], configuration: .init(heartbeatInterval: 0), logger: logger)

let check = await watcher.evaluate()
print("one cycle: \(check.figures.count) queues, \(check.findings.count) findings, "
      + "\(check.events.count) notifications, unknown sources \(check.unknownSources)")

let iterations = 10
let cycle = try await Benchmark("monitor cycle (100 queues)", iterations: iterations, warmup: 2).run {
    let result = await watcher.evaluate()
    precondition(result.unknownSources.isEmpty, "the source failed during the benchmark")
}
let minimum = try await Benchmark("100 indexed ready counts", iterations: iterations, warmup: 2).run {
    for name in names {
        _ = try await pool.query(
            "SELECT COUNT(*) FROM \(table) WHERE queue = ? AND status = 'ready' AND run_at <= NOW(6)", [.string(name)])
    }
}
let naive = try await Benchmark("full GROUP BY scan", iterations: iterations, warmup: 2).run {
    _ = try await pool.query("SELECT queue, status, COUNT(*), MIN(run_at) FROM \(table) GROUP BY queue, status")
}
cycle.report(against: minimum)
cycle.report(against: naive)
await pool.close()
