import ArgumentParser
import QueueMonitor

/// The current figures of one queue and its stuck messages.
struct QueuesShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one queue's figures and stuck messages.")

    @OptionGroup var options: QueuesOptions

    @Argument(help: "The queue, as QUEUE or SOURCE/QUEUE.")
    var queue: String

    func run() async throws {
        let configuration = try options.load()
        let baselines = try options.baselines(configuration).baselines
        let cycle = try await options.withWatcher(configuration) { await $0.evaluate(baselines: baselines) }
        let matches = { (source: String, name: String) in name == queue || "\(source)/\(name)" == queue }
        let figures = cycle.figures.filter { matches($0.source, $0.queue) }
        let findings = cycle.findings.filter { matches($0.source, $0.queue) || $0.rule == .unknown }
        guard !figures.isEmpty || findings.contains(where: { $0.rule == .unknown }) else {
            QueuesOutput.error("no queue named '\(queue)' in \(options.config)")
            throw ExitCode(64)
        }
        for line in QueueReport(figures: figures, findings: findings).lines(options.format) { QueuesOutput.line(line) }
    }
}
