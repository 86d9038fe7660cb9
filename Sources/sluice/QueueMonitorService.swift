import Foundation
import MariaDB
import QueueMonitor
import ServiceLifecycle

/// The queue monitor as a service beside the gateway (`sluice serve --watch-queues`): the same
/// loop as `sluice queues watch`, stopped when the gateway shuts down, its gauges on the
/// gateway's `/metrics`.
struct QueueMonitorService: Service {
    let loop: QueueWatchLoop
    let watcher: QueueWatcher
    let pools: [ConnectionPool]

    /// Loads the project's `queues:` section; exits 78 with every problem when it does not load.
    init(project: String) throws {
        let file = (project as NSString).appendingPathComponent("sluice.yaml")
        let options = try QueuesOptions.parse(["--config", file])
        let configuration = try options.load()
        (watcher, pools) = try options.makeWatcher(configuration)
        loop = QueueWatchLoop(options: options, configuration: configuration)
    }

    /// The monitor's gauges in Prometheus text.
    @Sendable func metrics() async -> String {
        await watcher.metrics().render()
    }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            do {
                try await loop.run(watcher)
            } catch {
                QueuesOutput.error("queue monitor stopped: \(error)")
            }
        }
        for pool in pools { await pool.close() }
    }
}
