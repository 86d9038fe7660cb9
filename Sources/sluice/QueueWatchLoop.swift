import Foundation
import QueueMonitor

/// The watch loop: evaluate every interval, print a line per transition, post the webhooks.
/// `sluice queues watch` runs it on its own, `sluice serve --watch-queues` beside the gateway.
struct QueueWatchLoop {
    let options: QueuesOptions
    let configuration: QueueConfiguration
    /// Stop after this many evaluations; 0 runs until the task is cancelled.
    var cycles = 0

    func run(_ watcher: QueueWatcher) async throws {
        let formatter = AlertLineFormatter(format: options.format, colour: options.format == .text && QueuesOutput.colour)
        let notifier = configuration.webhook.map { WebhookNotifier(url: $0.url, logger: options.logger) }
        let delivering = notifier.map { notifier in Task { await notifier.run() } }
        // The webhooks already queued still go out, also when a cycle fails.
        var failure: (any Error)?
        do {
            try await evaluate(watcher, formatter: formatter, notifier: notifier)
        } catch {
            failure = error
        }
        notifier?.finish()
        await delivering?.value
        if let failure { throw failure }
    }

    private func evaluate(_ watcher: QueueWatcher, formatter: AlertLineFormatter, notifier: WebhookNotifier?)
        async throws
    {
        var done = 0
        while !Task.isCancelled {
            let baselines = try options.baselines(configuration).baselines
            let cycle = await watcher.evaluate(baselines: baselines)
            for event in cycle.events { QueuesOutput.line(formatter.line(for: event)) }
            if let notifier, let hook = configuration.webhook {
                let notes = cycle.events.compactMap { if case .notification(let note) = $0 { note } else { nil } }
                let payloads = AlertmanagerPayload.grouped(notes, receiver: hook.receiver, externalURL: hook.externalURL)
                payloads.forEach(notifier.submit)
            }
            done += 1
            if cycles > 0, done >= cycles { break }
            do { try await Task.sleep(for: .seconds(configuration.interval)) } catch { break }
        }
    }
}
