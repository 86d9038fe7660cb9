import Foundation
import Logging
import MariaDB
import Testing

/// The demo shop's data (infra/demo) in a database of its own on the private test server named by
/// `SLUICE_TEST_DB_URL`, for running `sluice query` against the repository's own project.
///
/// Without the variable the suite is disabled (and says so) on a developer's machine, but runs and
/// fails when `CI` is set.
actor DemoDatabase {
    static let shared = DemoDatabase()
    static let serverURL = ProcessInfo.processInfo.environment["SLUICE_TEST_DB_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let isConfigured = serverURL != nil
        || (ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false)
    static let missing: Comment = "SLUICE_TEST_DB_URL is not set (run infra/test.sh)"
    static let name = "sluice_query_cli"

    /// The repository root: the demo project (Schema/, Resolvers/, sluice.yaml) and its data.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private var ready: Task<String, any Error>?

    /// The URL of the seeded database, created and loaded on first use.
    func url() async throws -> String {
        if let ready { return try await ready.value }
        let task = Task { try await Self.create() }
        ready = task
        return try await task.value
    }

    /// The server's URL with the demo database selected instead of the one it names.
    static func url(database: String) throws -> String {
        let server = try #require(serverURL, "SLUICE_TEST_DB_URL must be set when CI is set")
        var components = try #require(URLComponents(string: server))
        components.path = "/" + database
        return try #require(components.string)
    }

    private static func create() async throws -> String {
        var logger = Logger(label: "sluice.db.test")
        logger.logLevel = .error
        let admin = try await Connection.connect(configuration: DatabaseConfig(url: url(database: "sluice")),
                                                 logger: logger)
        _ = try await admin.query("DROP DATABASE IF EXISTS `\(name)`")
        _ = try await admin.query("CREATE DATABASE `\(name)` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
        await admin.close()
        let url = try url(database: name)
        let connection = try await Connection.connect(configuration: DatabaseConfig(url: url), logger: logger)
        for file in ["infra/demo/schema.sql", "infra/demo/seed.sql", "infra/queue-schema.sql"] {
            let script = try String(contentsOf: repositoryRoot.appendingPathComponent(file), encoding: .utf8)
            for statement in statements(script) { _ = try await connection.query(statement) }
        }
        await connection.close()
        return url
    }

    /// A script's statements: split at semicolons that end a line, comment lines dropped.
    static func statements(_ script: String) -> [String] {
        script.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }
            .joined(separator: "\n").components(separatedBy: ";\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: ";")) }
            .filter { !$0.isEmpty }
    }
}
