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

    /// The server's configuration with another database selected.
    static func configuration(database: String) throws -> DatabaseConfig {
        let url = try #require(url, "SLUICE_TEST_DB_URL must be set when CI is set")
        var configuration = try DatabaseConfig(url: url)
        configuration.database = database
        return configuration
    }

    /// The repository root, found from this file's place in it.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent(relativePath), encoding: .utf8)
    }
}

/// A database of its own per suite (`sluice_pipelines_<name>`), loaded once with the demo shop's
/// tables, its deterministic data and the queue table, so suites run in parallel without meeting.
actor ShopDatabase {
    static let shared = ShopDatabase()
    private var ready: [String: Task<DatabaseConfig, any Error>] = [:]

    /// The configuration of the suite's database, created and seeded on first use.
    func configuration(for suite: String) async throws -> DatabaseConfig {
        if let task = ready[suite] { return try await task.value }
        let task = Task { try await ShopDatabase.create("sluice_pipelines_\(suite)") }
        ready[suite] = task
        return try await task.value
    }

    private static func create(_ name: String) async throws -> DatabaseConfig {
        let admin = try await Connection.connect(configuration: TestDatabase.configuration(database: "sluice"),
                                                 logger: TestDatabase.logger)
        _ = try await admin.query("DROP DATABASE IF EXISTS `\(name)`")
        _ = try await admin.query("CREATE DATABASE `\(name)` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
        await admin.close()
        let configuration = try TestDatabase.configuration(database: name)
        let connection = try await Connection.connect(configuration: configuration, logger: TestDatabase.logger)
        // The queue table `enqueue` writes is the one the queue monitor reads: infra's schema.
        for script in [try TestDatabase.text("infra/demo/schema.sql"), try TestDatabase.text("infra/demo/seed.sql"),
                       try TestDatabase.text("infra/queue-schema.sql")] {
            for statement in statements(script) { _ = try await connection.query(statement) }
        }
        await connection.close()
        return configuration
    }

    /// A script's statements: split at semicolons that end a line, comment lines dropped.
    static func statements(_ script: String) -> [String] {
        let lines = script.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }
        return lines.joined(separator: "\n").components(separatedBy: ";\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: ";")) }
            .filter { !$0.isEmpty }
    }
}
