import Foundation
import Gateway
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A MariaDB server of its own (infra/mariadb.sh in a temporary directory, on a fixed port) is
/// killed under load and started again: requests fail fast with a code meanwhile, and the same
/// gateway serves again afterwards.
@Suite("MariaDB killed and restarted", .needsDatabase, .serialized)
struct DatabaseRestartTests {
    /// The private server: `start` and `stop` run the launcher with this directory and port.
    struct Server {
        let directory: URL
        let port: Int

        /// Runs the launcher through `system(3)`, which waits for exactly its own child.
        func run(_ command: String) throws -> String {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let output = directory.appendingPathComponent("launcher-\(command).out")
            let script = TestDatabase.repositoryRoot.appendingPathComponent("infra/mariadb.sh")
            let line = "SLUICE_MARIADB_DIR='\(directory.path)' SLUICE_MARIADB_PORT=\(port) '\(script.path)' \(command)"
                + " >'\(output.path)' 2>/dev/null </dev/null"
            let status = system(line)
            guard status == 0 else {
                throw FreePort.Failure(description: "infra/mariadb.sh \(command) exited with status \(status)")
            }
            return try String(contentsOf: output, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// SIGKILL, as a crash or an OOM kill would, then wait until the process is gone.
        func crash() throws {
            let text = try String(contentsOf: directory.appendingPathComponent("mysqld.pid"), encoding: .utf8)
            let pid = try #require(pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)))
            _ = kill(pid, SIGKILL)
            for _ in 0..<300 where kill(pid, 0) == 0 { usleep(10_000) }
        }
    }

    static func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }

    /// `count` requests at once, each on its own connection, with how long the slowest took.
    static func burst(_ count: Int, port: Int) async throws -> (responses: [TestClient.Response], slowest: Duration) {
        let started = ContinuousClock.now
        let responses = try await withThrowingTaskGroup(of: TestClient.Response.self) { group in
            for _ in 0..<count { group.addTask { try await GatewayFixture.post("{ hello }", port: port) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        return (responses, ContinuousClock.now - started)
    }

    static let ok = #"{"data":{"hello":"Hello, world!"}}"#

    @Test("requests fail fast with SERVICE_UNAVAILABLE while the server is down, and recover after its restart")
    func killAndRestart() async throws {
        let directory = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("sluice-kill-\(UUID().uuidString.prefix(8))")
        let server = Server(directory: directory, port: try FreePort.take())
        let url = try await Self.blocking { try server.run("start") }
        defer {
            _ = try? server.run("stop")
            try? FileManager.default.removeItem(at: directory)
        }
        let project = try await FixtureProject.open(url: url + "?connect-timeout=2", poolSize: 4)
        let app = try await GatewayFixture.application(project: project)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let warm = try await Self.burst(8, port: port)
            #expect(warm.responses.map(\.text) == Array(repeating: Self.ok, count: 8))

            try await Self.blocking { try server.crash() }
            for round in 0..<3 {
                let down = try await Self.burst(8, port: port)
                #expect(down.slowest < .seconds(5), "round \(round): no request hangs on a dead server")
                for response in down.responses {
                    #expect(response.status == .ok)
                    #expect(response.errorCodes == ["SERVICE_UNAVAILABLE"], "\(response.text)")
                    #expect(response.text.hasSuffix(#""data":{"hello":null}}"#), "\(response.text)")
                }
            }
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
            }

            _ = try await Self.blocking { try server.run("start") }
            let again = try await Self.burst(8, port: port)
            #expect(again.responses.map(\.text) == Array(repeating: Self.ok, count: 8))
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
        await project.close()
    }
}
