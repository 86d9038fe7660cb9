import Foundation
import Testing

/// `sluice dev` as a user runs it: the built executable on the repository's own project, a private
/// MariaDB in a scratch data directory, demo data over real HTTP, and SIGTERM to stop it.
@Suite struct DevCommandTests {
    /// Start-up, serving, shutdown and the second run share one data directory: initialising and
    /// seeding it is what the second run must not repeat.
    @Test(.enabled(if: DemoDatabase.isConfigured, DemoDatabase.missing))
    func servesTheDemoStopsTheDatabaseAndReusesItsData() async throws {
        let scratch = try DevServer.scratchDirectory("dev")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let data = scratch.appendingPathComponent("mariadb")

        let first = try DevServer(dataDirectory: data)
        try await first.waitUntilReady()
        let (status, body) = try await first.post(#"{ customer(id: 1) { name orders(first: 1) { id total } } }"#)
        #expect(status == 200)
        #expect(body == #"{"data":{"customer":{"name":"Grace Lovelace","orders":[{"id":"30000","total":"143.18"}]}}}"#)
        #expect(try DevServer.databaseRuns(in: data))
        let smoke = try await ReadmeExamplesTests.shell("infra/demo/smoke.sh \(first.port)", dataDirectory: data)
        #expect(smoke.stderr == "smoke.sh: http://127.0.0.1:\(first.port)/graphql serves the demo shop\n")
        #expect(smoke.status == 0)
        #expect(try await first.stop(SIGTERM) == 0)
        #expect(try DevServer.databaseRuns(in: data) == false)
        #expect(first.stderr.contains("mariadb.sh: initialising \(data.path)/data\n"))
        #expect(first.stderr.contains("load.sh: loading the demo shop\n"))
        #expect(first.stderr.contains("Sluice serves the project at http://127.0.0.1:\(first.port)/graphql"))
        #expect(first.stderr.contains("mariadb.sh: stopped\n"))

        let second = try DevServer(dataDirectory: data)
        try await second.waitUntilReady()
        let (_, products) = try await second.post("{ products(first: 1) { edges { node { sku } } } }")
        #expect(products == #"{"data":{"products":{"edges":[{"node":{"sku":"SKU-00001"}}]}}}"#)
        #expect(try await second.stop(SIGINT) == 0)
        #expect(try DevServer.databaseRuns(in: data) == false)
        #expect(!second.stderr.contains("initialising"))
        #expect(second.stderr.contains("load.sh: demo data already loaded\n"))
    }

    /// With a database configured there is nothing to start: it serves against that one.
    @Test(.enabled(if: DemoDatabase.isConfigured, DemoDatabase.missing))
    func aConfiguredDatabaseIsServedAsItIs() async throws {
        let scratch = try DevServer.scratchDirectory("dev-configured")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let data = scratch.appendingPathComponent("mariadb")
        let server = try DevServer(dataDirectory: data, environment: ["DB_URL": try await DemoDatabase.shared.url()])
        try await server.waitUntilReady()
        let (_, body) = try await server.post(#"{ customer(id: 2) { email } }"#)
        #expect(body == #"{"data":{"customer":{"email":"customer2@example.com"}}}"#)
        // The resolver and its statement are on /metrics, as `sluice serve` wires them.
        let (_, metrics) = try await server.get("/metrics")
        let lines = Set(metrics.split(separator: "\n").map(String.init))
        #expect(lines.contains(#"graphql_resolver_duration_seconds_count{field="Query.customer"} 1"#), "\(metrics)")
        #expect(lines.contains(#"db_statements_total{pool="main",status="ok"} 1"#))
        #expect(try await server.stop() == 0)
        #expect(!FileManager.default.fileExists(atPath: data.path))
        #expect(!server.stderr.contains("mariadb.sh"))
    }

    /// An interrupt before the gateway runs (here while the data directory is being initialised)
    /// still ends with the database stopped and exit 0.
    @Test(.enabled(if: DemoDatabase.isConfigured, DemoDatabase.missing))
    func sigtermDuringStartUpStillStopsTheDatabase() async throws {
        let scratch = try DevServer.scratchDirectory("dev-early")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let data = scratch.appendingPathComponent("mariadb")
        let server = try DevServer(dataDirectory: data)
        try await server.waitForMessage("mariadb.sh: initialising")
        #expect(try await server.stop(SIGTERM) == 0)
        #expect(try DevServer.databaseRuns(in: data) == false)
        #expect(server.stderr.contains("sluice dev: SIGTERM received; stopping once the database has started\n"))
        #expect(!server.stderr.contains("Sluice serves the project"))
    }

    /// Runs `sluice dev` expecting it to refuse before starting anything.
    static func refusal(_ arguments: [String], project: URL = DemoDatabase.repositoryRoot,
                        environment: [String: String] = [:]) async throws -> SluiceProcess.Output {
        let process = Process()
        process.executableURL = SluiceProcess.executable
        process.arguments = ["dev", "--project", project.path] + arguments
        process.environment = DevServer.environment(environment)
        return try await SluiceProcess.capture(process)
    }

    @Test func aTakenPortExitsFour() async throws {
        let listener = try Listener()
        let scratch = try DevServer.scratchDirectory("dev-port")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try await Self.refusal(["--port", String(listener.port), "--data-dir", scratch.path])
        #expect(run.stderr == """
            sluice dev: cannot listen on 127.0.0.1:\(listener.port) (Address already in use); \
            stop what runs there or pass --port

            """)
        #expect(run.status == 4)
        #expect(run.stdout == "")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == [])
    }

    @Test func aMissingServerExitsThreeNamingWhatIsMissing() async throws {
        let scratch = try DevServer.scratchDirectory("dev-missing")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let server = scratch.appendingPathComponent("bin/mariadbd").path
        let empty = scratch.appendingPathComponent("empty").path
        let run = try await Self.refusal(["--port", String(try DevServer.freePort()), "--data-dir",
                                    scratch.appendingPathComponent("mariadb").path, "--mariadbd", server],
                                   environment: ["PATH": empty])
        let searched = "\(scratch.path)/bin:\(empty):/usr/sbin:/usr/local/sbin:/sbin"
        #expect(run.stderr == """
            sluice dev: MariaDB is not installed: no \(server), mariadb-install-db, mariadb, mariadb-admin \
            (looked in \(searched))
            install it with infra/install.sh (Debian: mariadb-server, mariadb-client), \
            or set DB_URL to a database of your own

            """)
        #expect(run.status == 3)
    }

    @Test func anUnwritableDataDirectoryExitsFive() async throws {
        let scratch = try DevServer.scratchDirectory("dev-unwritable")
        defer { try? FileManager.default.removeItem(at: scratch) }
        // A regular file where a directory should be: no user, root included, can create under it.
        let file = scratch.appendingPathComponent("file")
        try Data("x".utf8).write(to: file)
        let data = file.appendingPathComponent("mariadb").path
        let run = try await Self.refusal(["--port", String(try DevServer.freePort()), "--data-dir", data])
        #expect(run.stderr
                == "sluice dev: cannot create the data directory \(data): Not a directory; pass --data-dir DIR\n")
        #expect(run.status == 5)
    }

    @Test func aProjectWithoutTheScriptsAndNoDatabaseExitsOne() async throws {
        let scratch = try DevServer.scratchDirectory("dev-project")
        defer { try? FileManager.default.removeItem(at: scratch) }
        for name in ["Schema", "Resolvers", "sluice.yaml"] {
            try FileManager.default.copyItem(at: DemoDatabase.repositoryRoot.appendingPathComponent(name),
                                             to: scratch.appendingPathComponent(name))
        }
        let run = try await Self.refusal(["--port", String(try DevServer.freePort())], project: scratch)
        #expect(run.stderr == """
            sluice dev: no database is configured and \(scratch.path)/infra/mariadb.sh is missing, so none can \
            be started; set DB_URL (or the data source URLs of sluice.yaml)

            """)
        #expect(run.status == 1)
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent(".sluice").path))
    }
}
