import Foundation
import Logging
import MariaDB
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// `sluice serve --watch-queues`: the monitor runs beside the gateway, prints its alert lines, puts
/// its gauges on the gateway's `/metrics`, and stops with the gateway on SIGTERM.
@Suite(.enabled(if: TestServers.available(TestServers.database), "needs SLUICE_TEST_DB_URL (infra/mariadb.sh start)"))
struct ServeWatchQueuesTests {
    @Test func gaugesOnTheGatewaysMetricsAndAlertLinesOnStdout() async throws {
        let url = try #require(TestServers.database, "SLUICE_TEST_DB_URL is not set")
        let table = "serve_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        var logger = Logger(label: "sluice.queues.test")
        logger.logLevel = .error
        let pool = ConnectionPool(configuration: try DatabaseConfig(url: url), size: 1, logger: logger)
        _ = try await pool.query(try QueueSchema.createTable(table))
        _ = try await pool.query("""
            INSERT INTO \(table) (id, queue, status, payload, attempts, failed_at, last_error)
            VALUES (7, 'mail', 'failed', '{}', 25, NOW(6), 'boom')
            """)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try "type Query { ok: Boolean }\n".write(
            to: directory.appendingPathComponent("schema.graphql"), atomically: true, encoding: .utf8)
        try #"{"ok": true}"#.write(to: directory.appendingPathComponent("root.json"), atomically: true, encoding: .utf8)
        try """
            queues:
              interval: 1s
              baselines: \(directory.path)/baselines.json
              sources:
                - { name: jobs-db, kind: mysql, url: "\(url)", queues: [{ name: mail, table: \(table) }] }
            """.write(to: directory.appendingPathComponent("sluice.yaml"), atomically: true, encoding: .utf8)

        let server = try SpawnedProcess(arguments: [
            "serve", "--project", directory.path, "--schema", directory.appendingPathComponent("schema.graphql").path,
            "--root-value", directory.appendingPathComponent("root.json").path, "--port", "0", "--watch-queues",
        ], in: directory)
        let port = try await server.listeningPort()
        var metrics = ""
        // The family's HELP line is there from the start; a sample only once a cycle has read the table.
        for _ in 0..<300 where !metrics.contains(#"queue_stuck_messages{"#) {
            let (data, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/metrics")!)
            metrics = String(decoding: data, as: UTF8.self)
            if !metrics.contains(#"queue_stuck_messages{"#) { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(metrics.contains("sluice_http_requests") || metrics.contains("# TYPE"), "the gateway's own metrics")
        #expect(metrics.contains(#"queue_stuck_messages{"#), "\(metrics)")
        #expect(metrics.contains(#"queue="mail""#), "\(metrics)")
        let status = await server.terminate()
        #expect(status == 0, "SIGTERM stops the gateway and the monitor: \(server.stderr)")
        #expect(server.stdout.contains("mail"), "an alert line for the dead row: \(server.stdout)")
        _ = try await pool.query("DROP TABLE \(table)")
        await pool.close()
    }
}

/// The built `sluice` beside the test bundle, running in the background with its output in files.
private struct SpawnedProcess {
    let pid: pid_t
    let directory: URL

    init(arguments: [String], in directory: URL) throws {
        self.directory = directory
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("sluice").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, directory.appendingPathComponent("stdout").path,
                                         O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, directory.appendingPathComponent("stderr").path,
                                         O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var argv: [UnsafeMutablePointer<CChar>?] = ([binary] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        try #require(posix_spawn(&pid, binary, &actions, nil, &argv, environ) == 0, "cannot run \(binary)")
        self.pid = pid
    }

    var stdout: String { (try? String(contentsOf: directory.appendingPathComponent("stdout"), encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: directory.appendingPathComponent("stderr"), encoding: .utf8)) ?? "" }

    /// The port from the gateway's JSON "listening" log line.
    func listeningPort() async throws -> Int {
        for _ in 0..<600 {
            if let line = stderr.split(separator: "\n").first(where: { $0.contains("\"listening\"") }),
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let port = (object["port"] as? String).flatMap(Int.init)
            {
                return port
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the server never logged that it listens: \(stderr)")
        throw CancellationError()
    }

    /// SIGTERM, then the exit status, waited for on a thread of its own.
    func terminate() async -> Int32 {
        kill(pid, SIGTERM)
        let pid = pid
        return await withCheckedContinuation { continuation in
            Thread {
                var status: Int32 = 0
                waitpid(pid, &status, 0)
                continuation.resume(returning: (status >> 8) & 0xff)
            }.start()
        }
    }
}
