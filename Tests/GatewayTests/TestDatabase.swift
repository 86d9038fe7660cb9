import Foundation
import Logging
import MariaDB
import Testing

/// The private test server started by infra/test.sh, named by `SLUICE_TEST_DB_URL`.
///
/// Without the variable, database suites are disabled (and say so) on a developer's machine, but
/// run and fail when `CI` is set: a CI run never passes by skipping them.
enum TestDatabase {
    static let url = ProcessInfo.processInfo.environment["SLUICE_TEST_DB_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let isCI = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false
    static let isConfigured = url != nil || isCI
    static let missing: Comment = "SLUICE_TEST_DB_URL is not set (run infra/test.sh)"

    static var logger: Logger {
        var logger = Logger(label: "sluice.db.test")
        logger.logLevel = .error
        return logger
    }

    /// The test server's URL with another database selected.
    static func url(database: String) throws -> String {
        let url = try #require(url, "SLUICE_TEST_DB_URL must be set when CI is set")
        var components = try #require(URLComponents(string: url), "SLUICE_TEST_DB_URL is not a URL")
        components.path = "/" + database
        return try #require(components.string)
    }

    /// The repository root, found from this file's place in it.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// This target's own database (`sluice_gateway`) with the fixture project's tables and rows,
/// created once per process so suites running in parallel share it.
actor GatewayDatabase {
    static let shared = GatewayDatabase()
    static let name = "sluice_gateway"
    private var ready: Task<String, any Error>?

    /// The database's URL, created and seeded on first use.
    func url() async throws -> String {
        if let ready { return try await ready.value }
        let task = Task { try await Self.create() }
        ready = task
        return try await task.value
    }

    private static func create() async throws -> String {
        let admin = try await Connection.connect(
            configuration: DatabaseConfig(url: TestDatabase.url(database: "sluice")), logger: TestDatabase.logger)
        _ = try await admin.query("DROP DATABASE IF EXISTS `\(name)`")
        _ = try await admin.query("CREATE DATABASE `\(name)` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
        await admin.close()
        let url = try TestDatabase.url(database: name)
        let connection = try await Connection.connect(
            configuration: DatabaseConfig(url: url), logger: TestDatabase.logger)
        let script = try String(
            contentsOf: GatewayFixture.projectRoot.appendingPathComponent("tables.sql"), encoding: .utf8)
        for statement in script.components(separatedBy: ";\n") {
            let text = statement.trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { _ = try await connection.query(text) }
        }
        await connection.close()
        return url
    }
}

extension Trait where Self == ConditionTrait {
    /// On suites that need the test server: disabled, visibly, only when it is missing outside CI.
    static var needsDatabase: Self { .enabled(if: TestDatabase.isConfigured, TestDatabase.missing) }
}
