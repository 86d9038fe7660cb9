import ArgumentParser
import Foundation
import QueueMonitor

/// One evaluation for cron and Kubernetes CronJobs: 0 all clear, 1 warning, 2 firing,
/// 3 a source unreachable (which outranks the rest), 78 a configuration error.
struct QueuesCheck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Evaluate once and exit 0 clear, 1 warning, 2 firing, 3 source unreachable.",
        discussion: """
            Rules that need a window of samples (STOPPED, STALLED, LAGGING) need --samples above 1.
            """)

    @OptionGroup var options: QueuesOptions

    @Option(help: "Samples to take before judging, so window rules can be evaluated.")
    var samples = 1

    @Option(help: "Time between samples (10s, 1m…).")
    var every = "10s"

    func run() async throws {
        let configuration = try options.load()
        guard samples >= 1 else { throw ValidationError("--samples must be at least 1") }
        guard let pause = QueueConfiguration.parseDuration(every) else {
            throw ValidationError("--every: expected a duration like 10s, found '\(every)'")
        }
        let baselines = try options.baselines(configuration).baselines
        let cycle = try await options.withWatcher(configuration) { watcher in
            var last = await watcher.evaluate(baselines: baselines)
            for _ in 1..<samples {
                try await Task.sleep(for: .seconds(pause))
                last = await watcher.evaluate(baselines: baselines)
            }
            return last
        }
        for line in QueueReport(figures: cycle.figures, findings: cycle.findings).lines(options.format) {
            QueuesOutput.line(line)
        }
        let outcome = CheckOutcome(findings: cycle.findings, unknownSources: cycle.unknownSources)
        if outcome != .clear { throw ExitCode(outcome.rawValue) }
    }
}
