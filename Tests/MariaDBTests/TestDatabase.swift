import Foundation
import Logging
import MariaDB
import Testing

/// The private test server started by infra/test.sh, named by `SLUICE_TEST_DB_URL`.
///
/// Without the variable, database tests are disabled (and say so) on a developer's machine, but
/// run and fail when `CI` is set: a CI run must never pass by skipping them.
enum TestDatabase {
    static let url = ProcessInfo.processInfo.environment["SLUICE_TEST_DB_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let isCI = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false

    /// Use as `.enabled(if: TestDatabase.isConfigured, TestDatabase.missing)` on suites that need the server.
    static let isConfigured = url != nil || isCI
    static let missing: Comment = "SLUICE_TEST_DB_URL is not set (run infra/test.sh)"

    static var logger: Logger {
        var logger = Logger(label: "sluice.db.test")
        logger.logLevel = .error
        return logger
    }

    static func configuration() throws -> DatabaseConfig {
        let url = try #require(url, "SLUICE_TEST_DB_URL must be set when CI is set")
        return try DatabaseConfig(url: url)
    }

    static func connect() async throws -> Connection {
        try await Connection.connect(configuration: configuration(), logger: logger)
    }

    /// A table name no other test uses, so suites can run in parallel against one database.
    static func uniqueTable(_ purpose: String) -> String {
        "t_\(purpose)_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
    }
}
