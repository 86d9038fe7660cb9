// swift-tools-version: 6.1
import PackageDescription

// The reference implementation the GraphQL benchmarks time as their baseline: GraphQLSwift/GraphQL
// 4.3.0. It has a module named GraphQL, as Sluice does, and SwiftPM's module aliasing hands the alias
// to every target that depends on a module of that name (hiding Sluice's), so the baselines live in
// this package of their own and run as child processes on the same inputs and iteration counts.
let package = Package(
    name: "Baseline",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/GraphQLSwift/GraphQL", exact: "4.3.0"),
    ],
    targets: [
        .executableTarget(name: "ParserBaseline", dependencies: [.product(name: "GraphQL", package: "GraphQL")]),
        .executableTarget(name: "ValidationBaseline", dependencies: [.product(name: "GraphQL", package: "GraphQL")]),
        .executableTarget(name: "ExecutionBaseline", dependencies: [.product(name: "GraphQL", package: "GraphQL")]),
    ],
    swiftLanguageModes: [.v6]
)
