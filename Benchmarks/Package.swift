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
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        .target(name: "BenchmarkHarness"),
        // The GraphQL benchmarks' baselines (GraphQLSwift/GraphQL 4.3.0) are a package of their own,
        // Baseline/, run as child processes: see BenchmarkHarness/BaselineRunner.swift.
        .executableTarget(
            name: "ParserBenchmark",
            dependencies: ["BenchmarkHarness", .product(name: "GraphQL", package: "Sluice")],
            exclude: ["Fuzz"]
        ),
        .executableTarget(
            name: "ValidationBenchmark",
            dependencies: ["BenchmarkHarness", .product(name: "GraphQL", package: "Sluice")]
        ),
        .executableTarget(
            name: "ExecutionBenchmark",
            dependencies: ["BenchmarkHarness", .product(name: "GraphQL", package: "Sluice")]
        ),
        .executableTarget(
            name: "MariaDBBenchmark",
            dependencies: [
                "BenchmarkHarness",
                .product(name: "MariaDB", package: "Sluice"),
                .product(name: "CMariaDB", package: "Sluice"),
            ]
        ),
        .executableTarget(
            name: "PipelineBenchmark",
            dependencies: [
                "BenchmarkHarness",
                .product(name: "GraphQL", package: "Sluice"),
                .product(name: "MariaDB", package: "Sluice"),
                .product(name: "Pipelines", package: "Sluice"),
            ]
        ),
        .executableTarget(
            name: "ResultCacheBenchmark",
            dependencies: [
                "BenchmarkHarness",
                .product(name: "GraphQL", package: "Sluice"),
                .product(name: "MariaDB", package: "Sluice"),
                .product(name: "Pipelines", package: "Sluice"),
            ]
        ),
        // The load script's direct-SQL server: Benchmarks/load/run.sh drives it beside `sluice serve`.
        .executableTarget(
            name: "DirectSQLBaseline",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GraphQL", package: "Sluice"),
                .product(name: "MariaDB", package: "Sluice"),
                .product(name: "Pipelines", package: "Sluice"),
            ]
        ),
        .executableTarget(
            name: "QueueBenchmark",
            dependencies: [
                "BenchmarkHarness",
                .product(name: "MariaDB", package: "Sluice"),
                .product(name: "QueueMonitor", package: "Sluice"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
