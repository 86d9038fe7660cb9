import Foundation
import MariaDB
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the built `sluice serve` on the fixture project and stops it with SIGTERM while a
/// pipeline runs `SELECT SLEEP(2)`: that request completes, new connections are refused, and the
/// exit code is 0.
@Suite("Graceful shutdown", .serialized, .needsDatabase)
struct GracefulShutdownTests {
    /// The executable built beside the test bundle.
    static var sluiceExecutable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sluice")
    }

    @Test("SIGTERM lets the running statement finish, refuses new connections, exits 0")
    func sigterm() async throws {
        let executable = Self.sluiceExecutable
        try #require(
            FileManager.default.isExecutableFile(atPath: executable.path), "build sluice first: \(executable.path)")
        let databaseURL = try await Self.database()
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("sluice-serve-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }

        let process = Process()
        process.executableURL = executable
        process.arguments = ["serve", "--project", GatewayFixture.projectRoot.path, "--port", "0"]
        var environment = ProcessInfo.processInfo.environment
        environment["DB_URL"] = databaseURL
        process.environment = environment
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let port = try await Self.listeningPort(log: log)
        let body = #"{"query":"{ slow(seconds: 4) }"}"#
        let request =
            "POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\r\n" + body
        let slow = try await Self.blocking { try BlockingSocket(port: port) }
        try await Self.blocking { try slow.send(request) }
        try await Self.waitForSleep(databaseURL: databaseURL)
        kill(process.processIdentifier, SIGTERM)

        var refused = false
        for _ in 0..<100 where !refused {
            refused = await Self.blocking { (try? BlockingSocket(port: port)) == nil }
            if !refused { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(refused, "new connections are refused once shutdown began")
        #expect(process.isRunning, "the server waits for the in-flight request")

        let response = try await Self.blocking { try slow.receiveAll() }
        #expect(response.hasPrefix("HTTP/1.1 200 OK"), "\(response)")
        #expect(response.hasSuffix(#"{"data":{"slow":"finished"}}"#), "\(response)")

        await Self.blocking { process.waitUntilExit() }
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }

    /// A database of this test's own, so the `SLEEP` it waits for is the gateway's and no other suite's.
    static let databaseName = "sluice_gateway_shutdown"

    static func database() async throws -> String {
        let admin = try await Connection.connect(
            configuration: DatabaseConfig(url: TestDatabase.url(database: "sluice")), logger: TestDatabase.logger)
        _ = try await admin.query("CREATE DATABASE IF NOT EXISTS `\(databaseName)`")
        await admin.close()
        return try TestDatabase.url(database: databaseName)
    }

    /// Waits until the server runs the gateway's `SLEEP`, so the request is surely in flight.
    static func waitForSleep(databaseURL: String) async throws {
        let connection = try await Connection.connect(
            configuration: DatabaseConfig(url: databaseURL), logger: TestDatabase.logger)
        for _ in 0..<300 {
            let result = try await connection.execute(
                "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND INFO LIKE '%SLEEP(%' LIMIT 1",
                [.string(databaseName)])
            if !result.rows.isEmpty {
                await connection.close()
                return
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        await connection.close()
        Issue.record("the gateway never ran the SLEEP statement")
    }

    /// The port from the server's JSON `listening` log line.
    static func listeningPort(log: URL) async throws -> UInt16 {
        for _ in 0..<600 {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.contains("\"listening\"") }),
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let port = (object["port"] as? String).flatMap(UInt16.init)
            {
                return port
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the server never logged that it listens")
        throw CancellationError()
    }

    /// Runs blocking socket and process calls on a thread of their own: off the cooperative pool,
    /// and not queued behind other suites' blocking work on Dispatch's shared threads.
    static func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    static func blocking<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: body()) }
        }
    }
}

/// A plain TCP client to 127.0.0.1, so the test controls exactly when each byte is sent.
final class BlockingSocket: Sendable {
    let descriptor: Int32

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(port: UInt16) throws {
        #if canImport(Glibc)
            descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw Failure(description: "socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(descriptor)
            throw Failure(description: "connect: \(errno)")
        }
    }

    deinit { close(descriptor) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { throw Failure(description: "write: \(errno)") }
            sent += count
        }
    }

    /// Everything until the server closes the connection (it does, as it shuts down).
    func receiveAll() throws -> String {
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            received += buffer[..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }
}
