import BenchmarkHarness
import Foundation
import GraphQL

/// Validates a 500-field query with 50 fragments against a 200-type schema at 1×, 4× and 16× the
/// document size, with every specified rule and with the overlapping-fields rule alone, side by
/// side with GraphQLSwift/GraphQL 4.3.0's validator (built from `Benchmarks/Baseline`, run as a child process
/// on the same files in the same run). Per-field time staying flat shows the work is near linear.
/// Run in release: `swift run -c release --package-path Benchmarks ValidationBenchmark`
@main
struct ValidationBenchmark {
    static func main() throws {
        if let index = CommandLine.arguments.firstIndex(of: "--scale") {
            return try countOnly(Array(CommandLine.arguments[index...]))
        }
        let baseline = try BaselineRunner.build(product: "ValidationBaseline")
        let sdl = GeneratedDocuments.schema()
        let schema = try Schema(sdl: sdl, name: "generated.graphql")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("validation-benchmark-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let schemaFile = directory.appendingPathComponent("schema.graphql")
        try sdl.write(to: schemaFile, atomically: true, encoding: .utf8)
        print("schema: \(GeneratedDocuments.typeCount) object types, \(sdl.utf8.count) bytes")

        var rows = [(Int, Int, Double, Double, Double)]()
        for scale in [1, 4, 16] {
            let (text, fields) = GeneratedDocuments.query(scale: scale)
            let document = try Parser(text, options: ParseOptions(maxTokens: nil)).parseDocument()
            let errors = schema.validate(document)
            guard errors.isEmpty else { throw BaselineError(message: "unexpected errors: \(errors.prefix(3))") }
            let iterations = max(20, 400 / scale)
            print("\n\(scale)×: \(fields) fields, \(50 * scale) fragments, \(text.utf8.count) bytes")
            let validator = Validator(schema: schema)
            let ours = Benchmark("sluice: validate \(scale)×", iterations: iterations, warmup: 5).run {
                _ = validator.validate(document)
            }
            let overlapping = Validator(schema: schema, rules: [OverlappingFieldsCanBeMergedRule.self])
            let oursOverlap = Benchmark("sluice: overlapping fields \(scale)×", iterations: iterations, warmup: 5).run {
                _ = overlapping.validate(document)
            }
            let queryFile = directory.appendingPathComponent("query-\(scale).graphql")
            try text.write(to: queryFile, atomically: true, encoding: .utf8)
            let theirs = try baseline.measure(
                "GraphQLSwift: validate \(scale)×", arguments: [schemaFile.path, queryFile.path], iterations: iterations, warmup: 5
            )
            ours.report(against: theirs)
            print(String(format: "speed-up: %.2f×", theirs.p50 / max(ours.p50, 1)))
            rows.append((scale, fields, ours.p50, oursOverlap.p50, theirs.p50))
        }
        // Where the time goes: each rule alone on the 4× document.
        let (text, fields) = GeneratedDocuments.query(scale: 4)
        let document = try Parser(text, options: ParseOptions(maxTokens: nil)).parseDocument()
        var perRule = [(String, Double)]()
        for rule in [] + Validator.specifiedRules {
            let validator = Validator(schema: schema, rules: [rule])
            let measure = Benchmark("\(rule)", iterations: 50, warmup: 3).run { _ = validator.validate(document) }
            perRule.append(("\(rule)", measure.p50 / Double(fields)))
        }
        let walkOnly = Validator(schema: schema, rules: [])
        let walk = Benchmark("walk only", iterations: 50, warmup: 3).run { _ = walkOnly.validate(document) }
        print("\nns per field at 4×, walk only: " + String(format: "%.1f", walk.p50 / Double(fields)))
        for (name, nanoseconds) in perRule.sorted(by: { $0.1 > $1.1 }).prefix(8) {
            print(String(format: "  %-40@ %8.1f", name as NSString, nanoseconds))
        }

        print("\nscale  fields   sluice p50   ns/field   overlapping ns/field   GraphQLSwift ns/field   speed-up")
        for (scale, fields, ours, overlap, theirs) in rows {
            print(
                String(
                    format: "%4d×  %6d  %9.2f ms  %9.1f  %20.1f  %22.1f  %8.2f×", scale, fields, ours / 1e6,
                    ours / Double(fields), overlap / Double(fields), theirs / Double(fields), theirs / max(ours, 1)))
        }
    }

    /// `--scale N --iterations K [--overlapping]`: only validates, K times, so a counter such as
    /// `perf stat -e instructions` can measure work per field independently of machine load
    /// (run once with K = 0 to subtract building the schema and parsing).
    static func countOnly(_ arguments: [String]) throws {
        guard arguments.count >= 4, let scale = Int(arguments[1]), let iterations = Int(arguments[3]) else {
            throw BaselineError(message: "usage: ValidationBenchmark --scale N --iterations K [--overlapping]")
        }
        let schema = try Schema(sdl: GeneratedDocuments.schema(), name: "generated.graphql")
        let (text, _) = GeneratedDocuments.query(scale: scale)
        let document = try Parser(text, options: ParseOptions(maxTokens: nil)).parseDocument()
        let rules =
            arguments.contains("--overlapping") ? [OverlappingFieldsCanBeMergedRule.self] : Validator.specifiedRules
        let validator = Validator(schema: schema, rules: rules)
        var errors = 0
        for _ in 0..<iterations { errors += validator.validate(document).count }
        if errors != 0 { throw BaselineError(message: "unexpected errors: \(errors)") }
    }
}
