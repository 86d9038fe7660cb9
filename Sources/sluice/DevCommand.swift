import ArgumentParser
import Foundation
import Pipelines

/// `sluice dev`: the project served for trying it out, with nothing to set up first.
///
/// When no database is configured it starts the private MariaDB of `infra/` in a data directory of
/// its own, loads the demo tables and seed the first time, serves exactly as `sluice serve` does
/// (explorer and introspection on, loopback only), and stops the database once the gateway has
/// drained after Ctrl-C or SIGTERM. Containers run `sluice serve`, never this.
struct DevCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dev",
        abstract: "Serve the project with the explorer on a private MariaDB holding the demo data.",
        discussion: """
            With no database configured (DB_URL, or the data source URLs of sluice.yaml, unset), it starts \
            PROJECT/infra/mariadb.sh in --data-dir, loads infra/demo the first time, and stops the database \
            on exit; a second run reuses the data directory. With a database configured it just serves \
            against it. The API key `demo-key` signs in as customer 1 (SLUICE_DEMO_API_KEYS overrides it).

            Exit status: 0 after Ctrl-C or SIGTERM; 1 the database did not start or load; 2 the project \
            does not load; 3 MariaDB is not installed; 4 the port is taken; 5 the data directory is not \
            writable.
            """
    )

    /// The API keys the demo accepts unless the environment names others.
    static let demoAPIKeys = "demo-key:1"
    static let host = "127.0.0.1"

    @Option(name: .customLong("project"), help: "The project directory.")
    var project: String = "."

    @Option(name: .customLong("port"), help: "Port the gateway listens on, on 127.0.0.1.")
    var port: Int = 8080

    @Option(name: .customLong("data-dir"), help: "The private database's directory (default: PROJECT/.sluice/mariadb).")
    var dataDirectory: String?

    @Option(name: .customLong("mariadbd"), help: "The MariaDB server program, when it is not on PATH or in sbin.")
    var mariadbd: String?

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
    }

    func run() async throws {
        do {
            try DevPreflight.checkPort(host: Self.host, port: port)
            guard !Self.databaseConfigured(project: project) else {
                try await serve(stopping: "the gateway")
                return
            }
            let interrupts = DevInterrupts()
            let database: DevDatabase
            do {
                database = try await startDatabase()
            } catch {
                // An interrupt during start-up also reaches the scripts, which then fail: not an error.
                if interrupts.finish() != nil { return }
                throw error
            }
            if interrupts.finish() != nil {
                await database.stop()
                return
            }
            do {
                try await serve(stopping: "the gateway and the database")
            } catch {
                await database.stop()
                throw error
            }
            await database.stop()
        } catch let failure as DevFailure {
            throw failure.exit()
        }
    }

    /// Runs the preflight checks, starts the private server, loads the demo and points `DB_URL` at it.
    private func startDatabase() async throws(DevFailure) -> DevDatabase {
        let environment = ProcessInfo.processInfo.environment
        let searchPath = DevPreflight.searchPath(mariadbd: mariadbd, environment: environment)
        let directory = dataDirectory ?? (project as NSString).appendingPathComponent(".sluice/mariadb")
        let database = DevDatabase(project: project, directory: directory, searchPath: searchPath)
        try database.checkScripts()
        try DevPreflight.checkDataDirectory(directory)
        try DevPreflight.checkTools(mariadbd: mariadbd, searchPath: searchPath)
        let url: String
        do {
            url = try await database.start()
            try await database.loadDemo()
        } catch {
            await database.stop()
            throw error
        }
        // Set before anything else runs: the project loads its `${DB_URL}` from the environment.
        setenv("DB_URL", url, 1)
        return database
    }

    /// `sluice serve` with the development defaults, and a banner saying how to reach it.
    private func serve(stopping: String) async throws {
        setenv("SLUICE_DEMO_API_KEYS", Self.demoAPIKeys, 0)
        let serve = try ServeCommand.parse([
            "--project", project, "--host", Self.host, "--port", String(port), "--explorer", "--introspection",
            "--api-keys-env", "SLUICE_DEMO_API_KEYS", "--allow-anonymous", "--log-format", "text",
        ])
        FileHandle.standardError.write(Data(Self.banner(port: port, stopping: stopping).utf8))
        try await serve.run()
    }

    static func banner(port: Int, stopping: String) -> String {
        """

        Sluice serves the project at http://\(host):\(port)/graphql (open it in a browser for the explorer).
        Try:
          curl -s -H 'content-type: application/json' \\
            -d '{"query":"{ customer(id: 1) { name orders(first: 2) { id total } } }"}' \\
            http://\(host):\(port)/graphql
        Ctrl-C stops \(stopping).


        """
    }

    /// Whether `sluice.yaml`'s data sources resolve from the environment as it is. A project that
    /// only loads once `DB_URL` is given is one with no database configured.
    static func databaseConfigured(project: String) -> Bool {
        let path = (project as NSString).appendingPathComponent("sluice.yaml")
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        let text = String(decoding: data, as: UTF8.self)
        var environment = ProcessInfo.processInfo.environment
        if (try? ProjectConfig.load(text, environment: environment)) != nil { return true }
        environment["DB_URL"] = "mysql://sluice@127.0.0.1/sluice"
        // Neither loads: the configuration is broken, and serving it reports why.
        return (try? ProjectConfig.load(text, environment: environment)) == nil
    }
}
