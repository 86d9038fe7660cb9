import ArgumentParser
import Foundation
import QueueMonitor

/// Evaluates forever, printing a line per transition (and a heartbeat), posting webhooks and
/// serving `/metrics` when asked.
struct QueuesWatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "watch", abstract: "Print a line per alert transition.")

    @OptionGroup var options: QueuesOptions

    @Option(help: "Seconds between evaluations (30s, 5m…); default from sluice.yaml.")
    var interval: String?

    @Option(name: .customLong("metrics-port"), help: "Serve Prometheus gauges on this port at /metrics.")
    var metricsPort: Int?

    @Option(name: .customLong("metrics-host"), help: "Address the metrics server binds to.")
    var metricsHost = "127.0.0.1"

    @Option(help: "Stop after this many evaluations (0: run until interrupted).")
    var cycles = 0

    func run() async throws {
        var configuration = try options.load()
        if let interval {
            guard let seconds = QueueConfiguration.parseDuration(interval), seconds > 0 else {
                throw ValidationError("--interval: expected a duration like 30s or 5m, found '\(interval)'")
            }
            configuration.interval = seconds
        }
        try await options.withWatcher(configuration) { watcher in
            let server = try await metricsPort.asyncMap { port in
                try await LoopbackHTTPServer.start(host: metricsHost, port: port) { request in
                    guard request.path == "/metrics" else { return .init(status: 404, body: "not found\n") }
                    return .init(contentType: "text/plain; version=0.0.4", body: await watcher.metrics().render())
                }
            }
            try await QueueWatchLoop(options: options, configuration: configuration, cycles: cycles).run(watcher)
            await server?.close()
        }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
