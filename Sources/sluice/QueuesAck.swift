import ArgumentParser
import QueueMonitor

/// Accepts a dead-letter queue's current count as its baseline: DEAD fires again only above it.
struct QueuesAck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ack", abstract: "Accept a dead-letter baseline.")

    @OptionGroup var options: QueuesOptions

    @Argument(help: "The dead-letter queue, as QUEUE or SOURCE/QUEUE.")
    var queue: String

    @Argument(help: "The rule to acknowledge (DEAD).")
    var rule: String

    func run() async throws {
        guard RuleName(rawValue: rule.uppercased()) == .dead else {
            throw ValidationError("only DEAD has a baseline to accept, not '\(rule)'")
        }
        let configuration = try options.load()
        var store = try options.baselines(configuration)
        let cycle = try await options.withWatcher(configuration) { await $0.evaluate(baselines: store.baselines) }
        let found = cycle.figures.filter { $0.queue == queue || "\($0.source)/\($0.queue)" == queue }
        guard found.count == 1, let figures = found.first else {
            QueuesOutput.error(found.isEmpty ? "no queue named '\(queue)' could be read"
                                             : "'\(queue)' is ambiguous: name it as SOURCE/QUEUE")
            throw ExitCode(64)
        }
        guard case .sqs = configuration.sources.first(where: { $0.name == figures.source }) else {
            QueuesOutput.error("\(figures.source) \(figures.queue) is not an SQS dead-letter queue: table and stream "
                + "sources raise DEAD/POISON per message, which resolves when the message is fixed or removed")
            throw ExitCode(64)
        }
        guard let count = figures.messages["dead"] else {
            QueuesOutput.error("\(figures.source) \(figures.queue) is not a dead-letter queue (no redrive policy points to it)")
            throw ExitCode(64)
        }
        store.accept(count, source: figures.source, queue: figures.queue)
        try store.save()
        QueuesOutput.line("accepted \(count) dead-lettered messages as the baseline of \(figures.source) \(figures.queue)")
    }
}
