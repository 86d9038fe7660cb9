import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `sluice serve` applies the gateway sections of the project's `sluice.yaml`, and refuses to
/// start (exit 2, with the place of each problem) when they are wrong.
@Suite("sluice serve reads sluice.yaml", .serialized, .needsDatabase)
struct ServeSettingsTests {
    /// A copy of the fixture project whose sluice.yaml ends with `extra`.
    static func project(appending extra: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-settings-\(UUID())")
        try FileManager.default.copyItem(at: GatewayFixture.projectRoot, to: directory)
        let file = directory.appendingPathComponent("sluice.yaml")
        let text = try String(contentsOf: file, encoding: .utf8) + extra
        try text.write(to: file, atomically: true, encoding: .utf8)
        return directory
    }

    static func serve(_ project: URL, log: URL) async throws -> Process {
        let process = Process()
        process.executableURL = GracefulShutdownTests.sluiceExecutable
        process.arguments = ["serve", "--project", project.path, "--port", "0"]
        var environment = ProcessInfo.processInfo.environment
        environment["DB_URL"] = try await GatewayDatabase.shared.url()
        environment["SETTINGS_MAX_DEPTH"] = "2"
        process.environment = environment
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func post(_ body: String, port: UInt16) async throws -> String {
        let request =
            "POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\r\n" + body
        return try await GracefulShutdownTests.blocking {
            let socket = try BlockingSocket(port: port)
            try socket.send(request)
            let response = try socket.receiveAll()
            return String(response[(response.range(of: "\r\n\r\n")?.upperBound ?? response.startIndex)...])
        }
    }

    @Test("the request timeout of sluice.yaml is each statement's max_statement_time")
    func statementTimeout() async throws {
        let project = try Self.project(appending: "limits:\n  timeout: 0.7s\n")
        defer { try? FileManager.default.removeItem(at: project) }
        let log = project.appendingPathComponent("serve.log")
        let process = try await Self.serve(project, log: log)
        defer { if process.isRunning { process.terminate() } }
        let port = try await GracefulShutdownTests.listeningPort(log: log)
        let response = try await Self.post(#"{"query":"{ slow(seconds: 5) }"}"#, port: port)
        #expect(response.contains(#""code":"TIMEOUT""#), "\(response)")
        #expect(response.contains(#""errno":1969"#), "MariaDB's max_statement_time exceeded: \(response)")
        #expect(response.hasSuffix(#""data":{"slow":null}}"#), "\(response)")
        kill(process.processIdentifier, SIGTERM)
        await GracefulShutdownTests.blocking { process.waitUntilExit() }
        #expect(process.terminationStatus == 0)
    }

    @Test("limits and server settings from sluice.yaml, with ${NAME} from the environment, reach the gateway")
    func applied() async throws {
        let project = try Self.project(
            appending: "server:\n  timing: true\nlimits:\n  maxDepth: ${SETTINGS_MAX_DEPTH}\n")
        defer { try? FileManager.default.removeItem(at: project) }
        let log = project.appendingPathComponent("serve.log")
        let process = try await Self.serve(project, log: log)
        defer { if process.isRunning { process.terminate() } }
        let port = try await GracefulShutdownTests.listeningPort(log: log)

        let deep = try await Self.post(#"{"query":"{ users { friends { name } } }"}"#, port: port)
        #expect(deep.contains(#""code":"MAX_DEPTH_LIMIT""#), "\(deep)")
        let timed = try await Self.post(#"{"query":"{ hello }","extensions":{"timing":true}}"#, port: port)
        #expect(timed.hasPrefix(#"{"data":{"hello":"Hello, world!"},"extensions":{"timing":{"prepareMs":"#), "\(timed)")

        kill(process.processIdentifier, SIGTERM)
        await GracefulShutdownTests.blocking { process.waitUntilExit() }
        #expect(process.terminationStatus == 0)
    }

    @Test("a wrong setting stops the start with its file, line and column, exit 2")
    func refused() async throws {
        let project = try Self.project(appending: "server:\n  statusProfile: strict\n")
        defer { try? FileManager.default.removeItem(at: project) }
        let log = project.appendingPathComponent("serve.log")
        let process = try await Self.serve(project, log: log)
        await GracefulShutdownTests.blocking { process.waitUntilExit() }
        #expect(process.terminationStatus == 2)
        let text = try String(contentsOf: log, encoding: .utf8)
        #expect(text == "sluice.yaml:8:18: server.statusProfile must be audit or draft, found 'strict'\n", "\(text)")
    }
}
