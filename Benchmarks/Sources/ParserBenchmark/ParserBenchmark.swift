import BenchmarkHarness
import Foundation
import GraphQL

/// Parses the same documents with this package's parser and with GraphQLSwift/GraphQL 4.3.0's
/// (built from `Baseline/` and run as a child process on this machine, in the same run), and
/// prints the ratios. Run in release: `swift run -c release --package-path Benchmarks ParserBenchmark`
@main
struct ParserBenchmark {
    static func main() throws {
        let baseline = try BaselineRunner.build()
        let introspection = Documents.introspectionQuery
        let schema = Documents.generatedSchema(bytes: 200_000)
        print("introspection query: \(introspection.utf8.count) bytes; schema: \(schema.utf8.count) bytes")

        // Both sides start from a String and end with a full AST, locations included.
        let ours = try Benchmark("sluice: introspection query", iterations: 2_000, warmup: 200).run {
            _ = try Parser(introspection).parseDocument()
        }
        let theirs = try baseline.measure(
            "GraphQLSwift: introspection query", introspection, iterations: 2_000, warmup: 200)
        ours.report(against: theirs)
        print(String(format: "speed-up: %.2f×\n", theirs.p50 / max(ours.p50, 1)))

        let oursSDL = try Benchmark("sluice: 200 KB SDL", iterations: 100, warmup: 10).run {
            _ = try Parser(schema, options: .trusted).parseDocument()
        }
        let theirsSDL = try baseline.measure("GraphQLSwift: 200 KB SDL", schema, iterations: 100, warmup: 10)
        oursSDL.report(against: theirsSDL)
        print(String(format: "speed-up: %.2f×", theirsSDL.p50 / max(oursSDL.p50, 1)))
    }
}
