import Foundation

/// What the database benchmarks share before they measure anything: the test server's URL and
/// the repository's files (schema, pipelines, demo data).
public enum BenchmarkSetup {
    /// `SLUICE_TEST_DB_URL`, or exit 2 saying how to get one.
    public static func databaseURL() -> String {
        guard let url = ProcessInfo.processInfo.environment["SLUICE_TEST_DB_URL"] else {
            print("set SLUICE_TEST_DB_URL to a MariaDB URL (infra/mariadb.sh start prints one)")
            exit(2)
        }
        return url
    }

    /// The repository's root: three levels above this file's `Sources/BenchmarkHarness`.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file of the repository as text, by its path from the root.
    public static func text(_ path: String) throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent(path), encoding: .utf8)
    }
}
