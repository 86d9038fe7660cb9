// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so the product's build and CI never compile them, and so
// reference implementations used as baselines never enter the product's dependency graph.
// Run one with: swift run -c release --package-path Benchmarks <name>
let package = Package(
    name: "SluiceBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Sluice", path: ".."),
    ],
    targets: [
        .target(name: "BenchmarkHarness"),
        // The baseline parser (GraphQLSwift/GraphQL 4.3.0) has a module named GraphQL too. SwiftPM's
        // module aliasing passes the alias on to every target that depends on a module of that name,
        // which hides this package's GraphQL, so the baseline is its own package under Baseline/,
        // run by the benchmark as a child process with the same documents and iteration counts.
        .executableTarget(
            name: "ParserBenchmark",
            dependencies: ["BenchmarkHarness", .product(name: "GraphQL", package: "Sluice")],
            exclude: ["Baseline", "Fuzz"]
        ),
        .executableTarget(
            name: "ValidationBenchmark",
            dependencies: ["BenchmarkHarness", .product(name: "GraphQL", package: "Sluice")],
            exclude: ["Baseline"]
        ),
        .executableTarget(
            name: "ExecutionBenchmark",
            dependencies: ["BenchmarkHarness", .product(name: "GraphQL", package: "Sluice")],
            exclude: ["Baseline"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
