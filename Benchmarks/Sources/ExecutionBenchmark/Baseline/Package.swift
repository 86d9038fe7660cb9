// swift-tools-version: 6.1
import PackageDescription

// GraphQLSwift/GraphQL 4.3.0's executor, timed by ExecutionBenchmark as its baseline.
let package = Package(
    name: "ExecutionBaseline",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/GraphQLSwift/GraphQL", exact: "4.3.0"),
    ],
    targets: [
        .executableTarget(
            name: "ExecutionBaseline",
            dependencies: [.product(name: "GraphQL", package: "GraphQL")],
            path: "Sources"
        ),
    ],
    swiftLanguageModes: [.v6]
)
