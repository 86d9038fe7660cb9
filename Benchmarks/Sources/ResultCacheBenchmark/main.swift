import BenchmarkHarness
import Foundation
import GraphQL
import Logging
import MariaDB
import Pipelines

// What a `cache` step buys: the demo's product lookup through the executor with its result
// cached, the same pipeline uncached, and its one statement issued directly through the MariaDB
// module's pool, interleaved in rounds in one run against one server.
// Needs SLUICE_TEST_DB_URL naming a database that holds the demo shop: `infra/demo/load.sh` loads
// it into the private server's `sluice` database, which `infra/mariadb.sh url` names.
// Run with: swift run -c release --package-path Benchmarks ResultCacheBenchmark

let url = BenchmarkSetup.databaseURL()
var logger = Logger(label: "sluice.db.bench")
logger.logLevel = .warning
func text(_ path: String) throws -> String { try BenchmarkSetup.text(path) }

let config = try DatabaseConfig(url: url)
let schema = try Schema(sdl: text("Schema/shop.graphql"), name: "Schema/shop.graphql")
let project = ProjectConfig(mode: .production, dataSources: [
    "main": ProjectConfig.DataSource(name: "main", configuration: config, poolSize: 2),
])
// The demo's own Query.product, with a cache step in front (a TTL far longer than the run).
let demo = try text("Resolvers/shop.yaml")
precondition(demo.contains("Query.product:\n"), "the demo has no Query.product pipeline")
var builder = PipelineBuilder(schema: schema, config: project)
let cachedDemo = demo.replacingOccurrences(
    of: "Query.product:\n", with: "Query.product:\n  - cache: { ttl: 1h, key: args.id }\n")
builder.add(cachedDemo, file: "Resolvers/shop.yaml")
let pipelines = try builder.build()
let sources = DataSources(config: project, logger: logger)
let cached = pipelines.executor(
    PipelineEnvironment(dataSources: sources, mode: .production, resultCache: ResultCache()))
let uncached = pipelines.executor(PipelineEnvironment(dataSources: sources, mode: .production))
let query = #"{ product(id: "7") { id name price } }"#

let first = await cached.execute(Executor.Request(query: query))
precondition(first.errors.isEmpty && first.hasData, "the query failed (load the demo data first): \(first.errors)")
print("response: \(String(decoding: first.jsonBytes(), as: UTF8.self))")
let pool = ConnectionPool(configuration: config, size: 2, logger: logger)
let statement = "SELECT id, sku, name, category, price, stock FROM products WHERE id = ?"

var hits: [UInt64] = []
var misses: [UInt64] = []
var direct: [UInt64] = []
var bytes = 0
for round in 0..<40 {
    let warmup = round == 0 ? 50 : 5
    hits += await Benchmark("pipeline, cache hit", iterations: 50, warmup: warmup).run {
        bytes &+= await cached.execute(Executor.Request(query: query)).jsonBytes().count
    }.sorted
    misses += await Benchmark("pipeline, uncached", iterations: 50, warmup: warmup).run {
        bytes &+= await uncached.execute(Executor.Request(query: query)).jsonBytes().count
    }.sorted
    direct += try await Benchmark("direct SQL (pool)", iterations: 50, warmup: warmup).run {
        bytes &+= try await pool.query(statement, [.int(7)]).rows.count
    }.sorted
}
let baseline = Measurement(name: "direct SQL (pool)", nanoseconds: direct)
Measurement(name: "pipeline, cache hit", nanoseconds: hits).report(against: baseline)
Measurement(name: "pipeline, uncached", nanoseconds: misses).report(against: baseline)
print("(checksum \(bytes))")
await pool.close()
await sources.close()
