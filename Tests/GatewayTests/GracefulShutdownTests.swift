import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the built `sluice serve` as a child process and stops it with SIGTERM while a request
/// is in flight: that request completes, new connections are refused, and the exit code is 0.
@Suite("Graceful shutdown", .serialized)
struct GracefulShutdownTests {
    static let schema = "type Query { greeting: String }\n"
    static let rootValue = #"{"greeting":"hi"}"#

    /// The executable built beside the test bundle.
    static var sluiceExecutable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sluice")
    }

    @Test("SIGTERM drains the in-flight request, refuses new connections, exits 0")
    func sigterm() async throws {
        let executable = Self.sluiceExecutable
        try #require(
            FileManager.default.isExecutableFile(atPath: executable.path), "build sluice first: \(executable.path)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sluice-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.schema.write(to: directory.appendingPathComponent("schema.graphql"), atomically: true, encoding: .utf8)
        try Self.rootValue.write(to: directory.appendingPathComponent("root.json"), atomically: true, encoding: .utf8)
        let log = directory.appendingPathComponent("serve.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)

        let process = Process()
        process.executableURL = executable
        process.arguments = [
            "serve", "--port", "0", "--schema", directory.appendingPathComponent("schema.graphql").path,
            "--root-value", directory.appendingPathComponent("root.json").path,
        ]
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let port = try await Self.listeningPort(log: log)
        let body = #"{"query":"{ greeting }"}"#
        let head =
            "POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\r\n"
        let slow = try await Self.blocking { try BlockingSocket(port: port) }
        try await Self.blocking { try slow.send(head + body.prefix(5)) }
        // Give the server time to read the head, so the request is in flight when the signal lands.
        try await Task.sleep(for: .milliseconds(300))
        kill(process.processIdentifier, SIGTERM)

        var refused = false
        for _ in 0..<100 where !refused {
            refused = await Self.blocking { (try? BlockingSocket(port: port)) == nil }
            if !refused { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(refused, "new connections are refused once shutdown began")
        #expect(process.isRunning, "the server waits for the in-flight request")

        try await Self.blocking { try slow.send(String(body.dropFirst(5))) }
        let response = try await Self.blocking { try slow.receiveAll() }
        #expect(response.hasPrefix("HTTP/1.1 200 OK"), "\(response)")
        #expect(response.hasSuffix(#"{"data":{"greeting":"hi"}}"#), "\(response)")

        await Self.blocking { process.waitUntilExit() }
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
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

    /// Runs blocking socket and process calls off the cooperative pool.
    static func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
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
