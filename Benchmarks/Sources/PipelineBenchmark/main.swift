import BenchmarkHarness
import Foundation
import GraphQL
import Logging
import MariaDB
import Pipelines

// The nested demo query end to end in-process (parse from the plan cache, level-by-level
// execution, four batched pipelines, row conversion, JSON response) against the very same four
// statements, with the same bound values, issued directly through the MariaDB module's pool.
// Interleaved in rounds in one run against one server, so the figure that matters is the ratio.
// Needs SLUICE_TEST_DB_URL (infra/mariadb.sh url); loads the demo data into `sluice_bench` once.
// Run with: swift run -c release --package-path Benchmarks PipelineBenchmark

let url = BenchmarkSetup.databaseURL()
var logger = Logger(label: "sluice.db.bench")
logger.logLevel = .warning
func text(_ path: String) throws -> String { try BenchmarkSetup.text(path) }

var config = try DatabaseConfig(url: url)
let admin = try await Connection.connect(configuration: config, logger: logger)
let database = "sluice_bench"
_ = try await admin.query("CREATE DATABASE IF NOT EXISTS \(database) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
config.database = database
let loader = try await Connection.connect(configuration: config, logger: logger)
for script in [try text("infra/demo/schema.sql")] {
    for statement in script.components(separatedBy: ";\n") where statement.contains("CREATE") {
        _ = try await loader.query(statement)
    }
}
if try await loader.query("SELECT COUNT(*) FROM customers").rows.first?.values.first?.int == 0 {
    let seed = try text("infra/demo/seed.sql").split(separator: "\n").filter { !$0.hasPrefix("--") }
        .joined(separator: "\n")
    for statement in seed.components(separatedBy: ";\n") where !statement.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
        _ = try await loader.query(statement)
    }
}

let schema = try Schema(sdl: text("Schema/shop.graphql"), name: "Schema/shop.graphql")
let project = ProjectConfig(mode: .production, dataSources: [
    "main": ProjectConfig.DataSource(name: "main", configuration: config, poolSize: 2),
])
var builder = PipelineBuilder(schema: schema, config: project)
builder.add(try text("Resolvers/shop.yaml"), file: "Resolvers/shop.yaml")
let pipelines = try builder.build()
let sources = DataSources(config: project, logger: logger)
let executor = pipelines.executor(PipelineEnvironment(dataSources: sources, mode: .production))
let query = "{ customers(first: 50) { edges { node { orders(first: 5) { items { product { name } } } } } } }"

/// Records the statements of one run, to replay them directly.
final class Recorder: PipelineObserver, @unchecked Sendable {
    // Invariant: only touched with `lock` held.
    let lock = NSLock()
    var statements: [(String, [MariaDB.Value])] = []
    func statementFinished(_ statement: StatementTrace) {
        lock.withLock { statements.append((statement.sql, statement.binds)) }
    }
}
let recorder = Recorder()
let probe = await pipelines.executor(PipelineEnvironment(dataSources: sources, mode: .production, observer: recorder))
    .execute(Executor.Request(query: query))
precondition(probe.errors.isEmpty, "the query failed: \(probe.errors)")
let statements = recorder.lock.withLock { recorder.statements }
print("statements per query: \(statements.count); response \(probe.jsonBytes().count) bytes")
let pool = ConnectionPool(configuration: config, size: 2, logger: logger)

/// For whole-process counts (`perf stat -e task-clock`, callgrind): `PIPELINE_BENCH_ONLY=pipelines|direct`
/// runs one side `PIPELINE_BENCH_RUNS` times (default 100) and nothing else; two counts with
/// different run counts give the cost of one query, setup cancelled out.
if let only = ProcessInfo.processInfo.environment["PIPELINE_BENCH_ONLY"] {
    let runs = ProcessInfo.processInfo.environment["PIPELINE_BENCH_RUNS"].flatMap { Int($0) } ?? 100
    var checksum = 0
    for _ in 0..<runs {
        if only == "pipelines" {
            checksum &+= await executor.execute(Executor.Request(query: query)).jsonBytes().count
        } else {
            for (sql, binds) in statements { checksum &+= try await pool.query(sql, binds).rows.count }
        }
    }
    print("\(only): \(runs) runs (checksum \(checksum))")
    await pool.close()
    await sources.close()
    exit(0)
}

var subject: [UInt64] = []
var baseline: [UInt64] = []
var bytes = 0
for round in 0..<40 {
    let warmup = round == 0 ? 20 : 2
    subject += await Benchmark("pipelines (executor)", iterations: 10, warmup: warmup).run {
        let result = await executor.execute(Executor.Request(query: query))
        bytes &+= result.jsonBytes().count
    }.sorted
    baseline += try await Benchmark("direct SQL (pool)", iterations: 10, warmup: warmup).run {
        for (sql, binds) in statements {
            bytes &+= try await pool.query(sql, binds).rows.count
        }
    }.sorted
}
Measurement(name: "pipelines (executor)", nanoseconds: subject)
    .report(against: Measurement(name: "direct SQL (pool)", nanoseconds: baseline))
print("(checksum \(bytes))")
await pool.close()
await sources.close()
await loader.close()
await admin.close()
