import ArgumentParser
import QueueMonitor

/// Accepts the current dead count of an SQS dead-letter queue or a table queue as its baseline:
/// DEAD fires again only above it (for a table, naming only the rows beyond it).
struct QueuesAck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ack", abstract: "Accept a dead-letter or dead-row baseline.")

    @OptionGroup var options: QueuesOptions

    @Argument(help: "The dead-letter or table queue, as QUEUE or SOURCE/QUEUE.")
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
        let source = configuration.sources.first { $0.name == figures.source }
        if case .redis = source {
            QueuesOutput.error("\(figures.source) \(figures.queue) is a stream group, which has no dead messages to "
                + "accept: POISON is raised per pending entry and resolves when the entry is acknowledged (XACK)")
            throw ExitCode(64)
        }
        guard let count = figures.messages["dead"] else {
            QueuesOutput.error("\(figures.source) \(figures.queue) is not a dead-letter queue (no redrive policy points to it)")
            throw ExitCode(64)
        }
        store.accept(count, source: figures.source, queue: figures.queue)
        try store.save()
        let what = if case .mysql = source { "dead rows" } else { "dead-lettered messages" }
        QueuesOutput.line("accepted \(count) \(what) as the baseline of \(figures.source) \(figures.queue)")
    }
}
