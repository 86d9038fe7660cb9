// swift-tools-version: 6.1
import PackageDescription

// GraphQLSwift/GraphQL 4.3.0's parser, timed by ParserBenchmark as its baseline.
let package = Package(
    name: "ParserBaseline",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/GraphQLSwift/GraphQL", exact: "4.3.0"),
    ],
    targets: [
        .executableTarget(
            name: "ParserBaseline",
            dependencies: [.product(name: "GraphQL", package: "GraphQL")],
            path: "Sources"
        ),
    ],
    swiftLanguageModes: [.v6]
)
