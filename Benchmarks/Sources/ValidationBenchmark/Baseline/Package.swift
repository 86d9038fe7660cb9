// swift-tools-version: 6.1
import PackageDescription

// GraphQLSwift/GraphQL 4.3.0's validator, timed by ValidationBenchmark as its baseline.
let package = Package(
    name: "ValidationBaseline",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/GraphQLSwift/GraphQL", exact: "4.3.0"),
    ],
    targets: [
        .executableTarget(
            name: "ValidationBaseline",
            dependencies: [.product(name: "GraphQL", package: "GraphQL")],
            path: "Sources"
        ),
    ],
    swiftLanguageModes: [.v6]
)
