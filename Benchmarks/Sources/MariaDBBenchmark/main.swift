import BenchmarkHarness
import Foundation
import Logging
import MariaDB

// Prepared point selects through the MariaDB layer against the same statement through plain
// libmariadb calls, interleaved in rounds in one run against one server. Three ways in:
// statements inside one pool lease (the body runs on the connection's thread: no hop), and a
// statement per call from the main actor, on a connection or through the pool (two thread hops
// per statement: to the connection's thread and back).
// Needs SLUICE_TEST_DB_URL (infra/mariadb.sh url); run with
//   swift run -c release --package-path Benchmarks MariaDBBenchmark

guard let url = ProcessInfo.processInfo.environment["SLUICE_TEST_DB_URL"] else {
    print("set SLUICE_TEST_DB_URL to a MariaDB URL (infra/mariadb.sh start prints one)")
    exit(2)
}
let config = try DatabaseConfig(url: url)
var logger = Logger(label: "sluice.db.bench")
logger.logLevel = .warning

let rowCount = 10_000
let table = "bench_points"
let sql = "SELECT id, name, score, created FROM \(table) WHERE id = ?"
let rounds = 400
let perRound = 50

let setup = try await Connection.connect(configuration: config, logger: logger)
_ = try await setup.query("DROP TABLE IF EXISTS \(table)")
_ = try await setup.query("""
    CREATE TABLE \(table) (id INT PRIMARY KEY, name VARCHAR(64) NOT NULL, score BIGINT NOT NULL,
    created DATETIME(6) NOT NULL) ENGINE=InnoDB
    """)
_ = try await setup.execute("""
    INSERT INTO \(table) SELECT seq, CONCAT('customer ', seq), seq * 7, NOW(6) - INTERVAL seq SECOND
    FROM seq_1_to_\(rowCount)
    """)

let plain = try PlainPointSelect(host: config.host, port: config.port, user: config.user, password: config.password,
                                 database: config.database, sql: sql,
                                 timeoutSeconds: UInt32(config.readTimeout.components.seconds))
let pool = ConnectionPool(configuration: config, size: 1, logger: logger)
// Keys drawn up front, so no variant pays for the random numbers.
let keys = (0..<65_536).map { _ in Int64.random(in: 1...Int64(rowCount)) }
var cursor = 0

var plainSamples: [UInt64] = []
var connectionSamples: [UInt64] = []
var poolSamples: [UInt64] = []
var leasedSamples: [UInt64] = []
let leased = LeasedPointSelect(pool: pool, sql: sql, keys: keys)
var rowsSeen = 0
for round in 0..<rounds {
    let warmup = round == 0 ? 500 : 20
    plainSamples += try Benchmark("plain C", iterations: perRound, warmup: warmup).run {
        cursor &+= 1
        try plain.select(keys[cursor & 0xFFFF])
    }.sorted
    connectionSamples += try await Benchmark("Connection.execute", iterations: perRound, warmup: warmup).run {
        cursor &+= 1
        rowsSeen += try await setup.execute(sql, [.int(keys[cursor & 0xFFFF])]).rows.count
    }.sorted
    poolSamples += try await Benchmark("ConnectionPool.query", iterations: perRound, warmup: warmup).run {
        cursor &+= 1
        rowsSeen += try await pool.query(sql, [.int(keys[cursor & 0xFFFF])]).rows.count
    }.sorted
    let (inLease, rows) = try await leased.measure(iterations: perRound, warmup: warmup)
    leasedSamples += inLease.sorted
    rowsSeen += rows
}
precondition(rowsSeen == 3 * (rounds * perRound + 500 + 20 * (rounds - 1)), "every select must return its row")

let baseline = Measurement(name: "plain C (mysql_stmt_*)", nanoseconds: plainSamples)
print("prepared point select, \(rounds) rounds × \(perRound) per variant, \(rowCount) rows, \(config.endpoint)")
Measurement(name: "MariaDB execute inside withConnection", nanoseconds: leasedSamples).report(against: baseline)
Measurement(name: "MariaDB Connection.execute", nanoseconds: connectionSamples).report(against: baseline)
Measurement(name: "MariaDB ConnectionPool.query", nanoseconds: poolSamples).report(against: baseline)

_ = try await setup.query("DROP TABLE \(table)")
await pool.close()
await setup.close()
