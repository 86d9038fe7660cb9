import Foundation
import Logging
import MariaDB
import Testing
@testable import QueueMonitor

/// A MariaDB server of the test's own, run by infra/mariadb.sh in a scratch directory, so the
/// test can stop it mid-watch and start it again on the same port.
private struct PrivateMariaDB {
    let directory: URL

    init() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-outage-\(UUID().uuidString)")
    }

    /// Runs `infra/mariadb.sh ACTION` against this directory and returns what it printed.
    @discardableResult
    func run(_ action: String) throws -> String {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../infra/mariadb.sh").standardized.path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", script, action]
        var environment = ProcessInfo.processInfo.environment
        environment["SLUICE_MARIADB_DIR"] = directory.path
        environment.removeValue(forKey: "SLUICE_MARIADB_PORT")
        process.environment = environment
        // A file, not a pipe: the server the script leaves running would hold a pipe open.
        let output = directory.appendingPathComponent("\(action).out")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let text = try String(contentsOf: output, encoding: .utf8)
        guard process.terminationStatus == 0 else {
            throw QueueSourceError(.unreachable, "infra/mariadb.sh \(action) exited \(process.terminationStatus)")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func remove() {
        _ = try? run("stop")
        try? FileManager.default.removeItem(at: directory)
    }
}

@Suite(.enabled(if: TestServers.available(TestServers.database), "needs MariaDB (infra/mariadb.sh)"))
struct TableSourceOutageTests {
    @Test func databaseStoppingMidWatchIsUnknownAndRestartingResolvesIt() async throws {
        let server = PrivateMariaDB()
        defer { server.remove() }
        let url = try server.run("start")
        var logger = Logger(label: "sluice.queues.test")
        logger.logLevel = .critical
        let pool = ConnectionPool(configuration: try DatabaseConfig(url: url), size: 1, logger: logger)
        _ = try await pool.query(try QueueSchema.createTable("sluice_jobs"))
        let source = try TableQueueSource(name: "jobs-db", pool: pool, queues: [.init(name: "mail")])
        let watcher = QueueWatcher(sources: [source], configuration: .init(heartbeatInterval: 0), logger: logger)
        var clock = TestClock()
        let healthy = await watcher.evaluate(at: clock.now)
        #expect(healthy.events.isEmpty)
        #expect(healthy.figures.map(\.queue) == ["mail"])

        try server.run("stop")
        let dark = await watcher.evaluate(at: clock.advance(60))
        #expect(dark.events.notifications.map { "\($0.kind.rawValue) \($0.finding.rule.rawValue)" } == ["FIRING UNKNOWN"])
        #expect(dark.events.notifications.first?.finding.summary.hasPrefix("source cannot be read: unreachable: ") == true)
        #expect(dark.unknownSources == ["jobs-db"])
        #expect(await watcher.evaluate(at: clock.advance(60)).events.isEmpty)   // still dark: no new line

        #expect(try server.run("start") == url)   // same directory, same port
        let back = await watcher.evaluate(at: clock.advance(60))
        #expect(back.events.notifications.map { "\($0.kind.rawValue) \($0.finding.rule.rawValue)" } == ["RESOLVED UNKNOWN"])
        #expect(back.unknownSources.isEmpty)
        await pool.close()
    }
}
