import BenchmarkHarness
import Foundation
import GraphQL

/// Parses the same documents with this package's parser and with GraphQLSwift/GraphQL 4.3.0's
/// (built from `Benchmarks/Baseline` and run as a child process on this machine, in the same run), and
/// prints the ratios. The two alternate in rounds, so a change in machine load during the run
/// affects both alike. Run in release: `swift run -c release --package-path Benchmarks ParserBenchmark`
@main
struct ParserBenchmark {
    static let rounds = 5

    static func main() throws {
        let baseline = try BaselineRunner.build(product: "ParserBaseline")
        let introspection = Documents.introspectionQuery
        let schema = Documents.generatedSchema(bytes: 200_000)
        print("introspection query: \(introspection.utf8.count) bytes; schema: \(schema.utf8.count) bytes")

        // Both sides start from a String and end with a full AST, locations included.
        try compare(
            "introspection query", introspection, iterations: 500, warmup: 100, baseline: baseline
        ) {
            _ = try Parser(introspection).parseDocument()
        }
        print("")
        try compare("200 KB SDL", schema, iterations: 20, warmup: 3, baseline: baseline) {
            _ = try Parser(schema, options: .trusted).parseDocument()
        }
    }

    /// `iterations` measured parses per round and side, `rounds` rounds, sides alternating.
    static func compare(
        _ label: String, _ document: String, iterations: Int, warmup: Int, baseline: BaselineRunner,
        ours: () throws -> Void
    ) throws {
        var oursSamples = [UInt64]()
        var theirsSamples = [UInt64]()
        for _ in 0..<rounds {
            oursSamples += try Benchmark("sluice", iterations: iterations, warmup: warmup).run(ours).sorted
            theirsSamples += try BaselineRunner.withTemporaryFile(document, suffix: ".graphql") { file in
                try baseline.measure("GraphQLSwift", arguments: [file], iterations: iterations, warmup: warmup).sorted
            }
        }
        let oursResult = BenchmarkHarness.Measurement(name: "sluice: \(label)", nanoseconds: oursSamples)
        let theirsResult = BenchmarkHarness.Measurement(name: "GraphQLSwift: \(label)", nanoseconds: theirsSamples)
        oursResult.report(against: theirsResult)
        print(String(format: "speed-up: %.2f×", theirsResult.p50 / max(oursResult.p50, 1)))
    }
}
