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
        // Exported so benchmarks can time plain libmariadb calls as the baseline of the Swift layer.
        .library(name: "CMariaDB", targets: ["CMariaDB"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
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
        .executableTarget(
            name: "sluice",
            dependencies: [
                "MariaDB",
                "GraphQL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "MariaDBTests", dependencies: ["MariaDB"]),
        .testTarget(name: "InfraTests", dependencies: [.product(name: "Yams", package: "Yams")]),
        .testTarget(
            name: "GraphQLTests",
            dependencies: ["GraphQL"],
            resources: [.copy("Language/Fixtures"), .process("Types/Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
