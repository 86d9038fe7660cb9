import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// A `sluice dev` child process on a free loopback port, for tests that talk to it over HTTP and
/// stop it with a signal as a user would.
///
/// `@unchecked Sendable`: `errorText` is only touched under `lock` (the pipe's reader appends to it).
final class DevServer: @unchecked Sendable {
    let port: Int
    let dataDirectory: URL
    private let process = Process()
    private let lock = NSLock()
    private var errorText = Data()

    /// The environment `sluice dev` gets: this process's own without any database configured.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["DB_URL"] = nil
        environment["SLUICE_DEMO_API_KEYS"] = nil
        return environment.merging(extra) { _, new in new }
    }

    /// Starts `sluice dev --project <repository> --port <free> --data-dir <dataDirectory>`.
    init(dataDirectory: URL, arguments: [String] = [], environment: [String: String] = [:]) throws {
        self.dataDirectory = dataDirectory
        port = try Self.freePort()
        process.executableURL = SluiceProcess.executable
        process.arguments = ["dev", "--project", DemoDatabase.repositoryRoot.path, "--port", String(port),
                             "--data-dir", dataDirectory.path] + arguments
        process.environment = Self.environment(environment)
        process.currentDirectoryURL = DemoDatabase.repositoryRoot
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let chunk = handle.availableData
            guard let self, !chunk.isEmpty else { return }
            self.lock.withLock { self.errorText.append(chunk) }
        }
        try process.run()
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// A test that fails half-way still leaves no server (nor database) behind.
    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
    }

    /// What the server wrote to standard error so far.
    var stderr: String { lock.withLock { String(decoding: errorText, as: UTF8.self) } }

    /// Waits until `/readyz` answers 200 (the database is up and the gateway listens); fails when the
    /// process exits first or `limit` passes.
    func waitUntilReady(limit: Duration = .seconds(240)) async throws {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            guard process.isRunning else {
                let status = process.terminationStatus
                throw Failure(description: "sluice dev exited with \(status) before it was ready:\n\(stderr)")
            }
            if let (status, _) = try? await get("/readyz"), status == 200 { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw Failure(description: "sluice dev was not ready within \(limit):\n\(stderr)")
    }

    /// Waits until the server has written `text` to standard error; fails when it exits first.
    func waitForMessage(_ text: String, limit: Duration = .seconds(120)) async throws {
        let deadline = ContinuousClock.now + limit
        while !stderr.contains(text) {
            guard process.isRunning, ContinuousClock.now < deadline else {
                throw Failure(description: "sluice dev did not say \(text):\n\(stderr)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    func get(_ path: String) async throws -> (Int, String) {
        let url = try #require(URL(string: "http://127.0.0.1:\(port)\(path)"))
        let (data, response) = try await URLSession.shared.data(from: url)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// POSTs a GraphQL request and returns the status and body.
    func post(_ query: String) async throws -> (Int, String) {
        var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)/graphql")))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "content-type")
        request.httpBody = try JSONSerialization.data(withJSONObject: ["query": query])
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// Sends `signal` and waits for the process to exit; returns its status.
    func stop(_ signal: Int32 = SIGTERM) async throws -> Int32 {
        kill(process.processIdentifier, signal)
        while process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        return process.terminationStatus
    }

    /// Whether the private MariaDB of `dataDirectory` still runs, as `infra/mariadb.sh status` says.
    static func databaseRuns(in directory: URL) throws -> Bool {
        let status = Process()
        status.executableURL = DemoDatabase.repositoryRoot.appendingPathComponent("infra/mariadb.sh")
        status.arguments = ["status"]
        status.environment = environment(["SLUICE_MARIADB_DIR": directory.path])
        status.standardOutput = FileHandle.nullDevice
        status.standardError = FileHandle.nullDevice
        try status.run()
        status.waitUntilExit()
        return status.terminationStatus == 0
    }

    /// A scratch directory removed by the caller.
    static func scratchDirectory(_ name: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("sluice-\(name)-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// A port nothing listens on right now: the kernel's pick for a socket bound to port 0.
    static func freePort() throws -> Int {
        let listener = try Listener()
        return listener.port
    }
}

/// A TCP socket bound to a kernel-chosen loopback port and listening, closed on deinit.
final class Listener {
    let descriptor: Int32
    let port: Int

    init() throws {
        #if canImport(Glibc)
        let stream = Int32(SOCK_STREAM.rawValue)
        #else
        let stream = SOCK_STREAM
        #endif
        let descriptor = socket(AF_INET, stream, 0)
        self.descriptor = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(descriptor, raw, length) == 0 && listen(descriptor, 1) == 0
                    && getsockname(descriptor, raw, &length) == 0
            }
        }
        try #require(descriptor >= 0 && bound, "cannot bind a loopback socket: errno \(errno)")
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(descriptor) }
}
