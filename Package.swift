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
        .library(name: "Gateway", targets: ["Gateway"]),
        .library(name: "QueueMonitor", targets: ["QueueMonitor"]),
        // Exported so benchmarks can time plain libmariadb calls as the baseline of the Swift layer.
        .library(name: "CMariaDB", targets: ["CMariaDB"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.7.3"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
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
        // `${NAME}` expansion shared by every reader of sluice.yaml; depends on nothing.
        .target(name: "ConfigSupport"),
        .target(
            name: "Pipelines",
            dependencies: [
                "ConfigSupport",
                "GraphQL",
                "MariaDB",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Gateway",
            dependencies: [
                "ConfigSupport",
                "GraphQL",
                "MariaDB",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "QueueMonitor",
            dependencies: [
                "ConfigSupport",
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
        .executableTarget(
            name: "sluice",
            dependencies: [
                "MariaDB",
                "GraphQL",
                "Pipelines",
                "Gateway",
                "QueueMonitor",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(name: "MariaDBTests", dependencies: ["MariaDB"]),
        .testTarget(name: "ConfigSupportTests", dependencies: ["ConfigSupport"]),
        .testTarget(
            name: "GraphQLTests",
            dependencies: ["GraphQL"],
            resources: [.copy("Language/Fixtures"), .process("Types/Fixtures")]
        ),
        .testTarget(
            name: "PipelinesTests",
            dependencies: ["Pipelines", "MariaDB", "GraphQL"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "GatewayTests",
            dependencies: [
                "Gateway",
                "Pipelines",
                "MariaDB",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Depends on sluice so the CLI tests can run the built executable.
        .testTarget(
            name: "QueueMonitorTests",
            dependencies: ["QueueMonitor", "sluice"],
            resources: [.copy("Golden")]
        ),
        .testTarget(name: "sluiceTests", dependencies: ["sluice", "MariaDB"], resources: [.copy("Fixtures")]),
        // Reads the deployable manifests and checks them against the CLI's and gateway's sources.
        .testTarget(name: "InfraTests", dependencies: [.product(name: "Yams", package: "Yams")]),
    ],
    swiftLanguageModes: [.v6]
)
