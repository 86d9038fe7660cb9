import Foundation
import Logging
import MariaDB
import Testing
@testable import QueueMonitor
#if canImport(Glibc)
import Glibc
#endif

/// A MariaDB server of the test's own, run by infra/mariadb.sh in a scratch directory, so the
/// test can stop it mid-watch and start it again on the same port.
private struct PrivateMariaDB {
    let directory: URL

    init() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-outage-\(UUID().uuidString)")
    }

    /// Runs a blocking call (the script, which takes seconds) on a thread of its own, so the
    /// cooperative pool keeps serving the suites running beside this one.
    func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    /// Runs `infra/mariadb.sh ACTION` against this directory and returns what it printed.
    /// Spawned and reaped directly, its output sent to files: the server the script leaves
    /// running inherits the script's descriptors, so a pipe would never reach its end. A failure
    /// carries the end of what the script said on stderr (why the server did not start).
    @discardableResult
    func run(_ action: String) throws -> String {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../infra/mariadb.sh").standardized.path
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let output = directory.appendingPathComponent("\(action).out").path
        let errors = directory.appendingPathComponent("\(action).err").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var environment = ProcessInfo.processInfo.environment
        environment["SLUICE_MARIADB_DIR"] = directory.path
        environment.removeValue(forKey: "SLUICE_MARIADB_PORT")
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let words = ["bash", script, action]
        var argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, "bash", &actions, nil, &argv, &envp) == 0 else {
            throw QueueSourceError(.unreachable, "cannot run infra/mariadb.sh")
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        guard (status >> 8) & 0xff == 0 else {
            let said = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
            let tail = said.split(separator: "\n").suffix(8).joined(separator: "\n")
            throw QueueSourceError(.unreachable, "infra/mariadb.sh \(action) exited \((status >> 8) & 0xff): \(tail)")
        }
        return try String(contentsOfFile: output, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
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
        let url = try await server.offThePool { try server.run("start") }
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

        try await server.offThePool { try server.run("stop") }
        let dark = await watcher.evaluate(at: clock.advance(60))
        #expect(dark.events.notifications.map { "\($0.kind.rawValue) \($0.finding.rule.rawValue)" } == ["FIRING UNKNOWN"])
        #expect(dark.events.notifications.first?.finding.summary.hasPrefix("source cannot be read: unreachable: ") == true)
        #expect(dark.unknownSources == ["jobs-db"])
        #expect(await watcher.evaluate(at: clock.advance(60)).events.isEmpty)   // still dark: no new line

        #expect(try await server.offThePool { try server.run("start") } == url)   // same directory, same port
        let back = await watcher.evaluate(at: clock.advance(60))
        #expect(back.events.notifications.map { "\($0.kind.rawValue) \($0.finding.rule.rawValue)" } == ["RESOLVED UNKNOWN"])
        #expect(back.unknownSources.isEmpty)
        await pool.close()
    }
}
