// swift-tools-version: 6.1
import PackageDescription

// Dependencies point one way (see DESIGN.md):
// sluice → Gateway, QueueMonitor → Pipelines → GraphQL, MariaDB → CMariaDB.
let package = Package(
    name: "Sluice",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sluice", targets: ["sluice"]),
        .library(name: "GraphQL", targets: ["GraphQL"]),
        .library(name: "MariaDB", targets: ["MariaDB"]),
        .library(name: "Pipelines", targets: ["Pipelines"]),
        // Exported so benchmarks can time plain libmariadb calls as the baseline of the Swift layer.
        .library(name: "CMariaDB", targets: ["CMariaDB"]),
        .library(name: "QueueMonitor", targets: ["QueueMonitor"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CMariaDB",
            pkgConfig: "libmariadb",
            providers: [.apt(["libmariadb-dev"]), .brew(["mariadb-connector-c"])]
        ),
        .target(
            name: "MariaDB",
            dependencies: [
                "CMariaDB",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "GraphQL"),
        .target(
            name: "Pipelines",
            dependencies: [
                "GraphQL",
                "MariaDB",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "sluice",
            dependencies: [
                "MariaDB",
                "GraphQL",
                "Pipelines",
                "QueueMonitor",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "QueueMonitor",
            dependencies: [
                "MariaDB",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(name: "MariaDBTests", dependencies: ["MariaDB"]),
        .testTarget(name: "PipelinesTests", dependencies: ["Pipelines", "MariaDB", "GraphQL"],
                    resources: [.copy("Fixtures")]),
        .testTarget(
            name: "GraphQLTests",
            dependencies: ["GraphQL"],
            resources: [.copy("Language/Fixtures"), .process("Types/Fixtures")]
        ),
        .testTarget(name: "sluiceTests", dependencies: ["sluice", "MariaDB"], resources: [.copy("Fixtures")]),
        // Depends on sluice so the CLI tests can run the built executable.
        .testTarget(name: "QueueMonitorTests", dependencies: ["QueueMonitor", "sluice"], resources: [.copy("Golden")]),
    ],
    swiftLanguageModes: [.v6]
)
