import Foundation
import Testing

/// The real servers the integration tests use, started by infra/ (moto.sh, redis.sh, mariadb.sh).
/// Missing in CI is a failure; missing elsewhere disables those tests, visibly, by name.
enum TestServers {
    static let environment = ProcessInfo.processInfo.environment
    static var inCI: Bool { environment["CI"].map { !$0.isEmpty } ?? false }

    static var sqs: String? { environment["SLUICE_TEST_SQS_URL"] }
    static var redis: String? { environment["SLUICE_TEST_REDIS_URL"] }
    static var database: String? { environment["SLUICE_TEST_DB_URL"] }

    /// Runs when the server is configured, or in CI (where `#require` then fails the test).
    static func available(_ url: String?) -> Bool { url != nil || inCI }
}
