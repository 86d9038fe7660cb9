import BenchmarkHarness
import Foundation
import GraphQL

/// Executes a query yielding 10,000 objects × 10 fields from an in-memory value, with this
/// package's executor and with GraphQLSwift/GraphQL 4.3.0's (built from `Benchmarks/Baseline`, run as a child
/// process on the same schema, query and data in the same run), and prints the ratios and the
/// time per field. Two measurements each: execution to a result value, and execution plus
/// serialisation to JSON bytes (what a server sends).
/// Run in release: `swift run -c release --package-path Benchmarks ExecutionBenchmark`
@main
struct ExecutionBenchmark {
    static func main() async throws {
        try await run()
    }

    /// Nonisolated, so the measured closures run off the main actor like a server's requests.
    nonisolated static func run() async throws {
        if CommandLine.arguments.contains("--concurrency") {
            try await ConcurrencyBenchmark.run()
            return
        }
        if CommandLine.arguments.contains("--ours-only") {
            try await profile()
            return
        }
        let baseline = try BaselineRunner.build(product: "ExecutionBaseline")
        let schema = try Schema(sdl: Catalog.sdl, name: "catalog.graphql")
        let executor = Executor(schema: schema)
        let root = Catalog.rootValue()
        let fields = Catalog.count * Catalog.fieldsPerObject
        print("query: \(Catalog.count) objects × \(Catalog.fieldsPerObject) fields = \(fields) leaf fields")

        let request = Executor.Request(query: Catalog.query)
        let check = await executor.execute(request, rootValue: root)
        guard check.errors.isEmpty else { throw BaselineError(message: "unexpected errors: \(check.errors.prefix(3))") }
        let ourJSON = check.jsonBytes()

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("execution-benchmark-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let schemaFile = directory.appendingPathComponent("catalog.graphql").path
        let queryFile = directory.appendingPathComponent("query.graphql").path
        try Catalog.sdl.write(toFile: schemaFile, atomically: true, encoding: .utf8)
        try Catalog.query.write(toFile: queryFile, atomically: true, encoding: .utf8)
        let theirJSONFile = directory.appendingPathComponent("baseline-response.json")
        _ = try baseline.invoke([schemaFile, queryFile, "respond", theirJSONFile.path])
        try compare(ourJSON, with: Data(contentsOf: theirJSONFile))
        print("both engines return the same response (\(ourJSON.count) bytes)\n")

        let iterations = 40
        // The baseline takes seconds per run: fewer samples keep the whole benchmark within minutes.
        let baselineIterations = 10
        let execute = await Benchmark("sluice: execute", iterations: iterations, warmup: 5).run {
            _ = await executor.execute(request, rootValue: root)
        }
        let theirExecute = try baseline.measure(
            "GraphQLSwift: execute", arguments: [schemaFile, queryFile, "execute"], iterations: baselineIterations, warmup: 2)
        execute.report(against: theirExecute)
        print(String(format: "speed-up: %.2f×\n", theirExecute.p50 / max(execute.p50, 1)))

        let json = await Benchmark("sluice: execute + JSON", iterations: iterations, warmup: 5).run {
            _ = await executor.execute(request, rootValue: root).jsonBytes()
        }
        let theirJSON = try baseline.measure(
            "GraphQLSwift: execute + JSON", arguments: [schemaFile, queryFile, "json"], iterations: baselineIterations, warmup: 2)
        json.report(against: theirJSON)
        print(String(format: "speed-up: %.2f×\n", theirJSON.p50 / max(json.p50, 1)))

        let perField = { (measurement: BenchmarkHarness.Measurement) in measurement.p50 / Double(fields) }
        print("per field (p50):")
        print(String(format: "  sluice execute          %7.1f ns", perField(execute)))
        print(String(format: "  sluice execute + JSON   %7.1f ns", perField(json)))
        print(String(format: "  GraphQLSwift execute    %7.1f ns", perField(theirExecute)))
        print(String(format: "  GraphQLSwift + JSON     %7.1f ns", perField(theirJSON)))

        print("\nfour batch resolvers on one level, 100 parents:")
        try await ConcurrencyBenchmark.run()
    }

    /// Only this package's side, many times over, for a profiler (`perf record`).
    nonisolated static func profile() async throws {
        let executor = Executor(schema: try Schema(sdl: Catalog.sdl, name: "catalog.graphql"))
        let root = Catalog.rootValue()
        let request = Executor.Request(query: Catalog.query)
        var bytes = 0
        for _ in 0..<100 { bytes += await executor.execute(request, rootValue: root).jsonBytes().count }
        print("\(bytes) bytes")
    }

    /// Both responses must hold the same values (key order aside: the baseline's encoder sorts nothing).
    static func compare(_ ours: [UInt8], with theirs: Data) throws {
        var ourParser = JSONValueParser(bytes: ours)
        var theirParser = JSONValueParser(bytes: [UInt8](theirs))
        let (mine, reference) = (try ourParser.parse(), try theirParser.parse())
        guard mine == reference else {
            throw BaselineError(message: "the responses differ:\n\(String(decoding: ours.prefix(300), as: UTF8.self))\n"
                + String(decoding: theirs.prefix(300), as: UTF8.self))
        }
    }
}
