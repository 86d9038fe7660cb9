import Foundation
import Logging

/// One evaluation cycle over every source: poll them concurrently, turn failures into UNKNOWN,
/// and pass the findings through the alert state machine. The caller prints what comes back.
public actor QueueWatcher {
    /// What one cycle saw and what it asks to be told.
    public struct Cycle: Sendable {
        public var at: Date
        public var readings: [SourceReading]
        public var figures: [QueueFigures]
        public var events: [AlertEvent]
        /// Findings of this cycle whatever their alert state, for `check` and `show`.
        public var findings: [Finding]
        public var unknownSources: [String] {
            readings.compactMap { if case .unreadable = $0.outcome { $0.source } else { nil } }
        }
    }

    public let sources: [any QueueSource]
    private var machine: AlertStateMachine
    private let logger: Logger
    public private(set) var lastCycle: Cycle?

    public init(sources: [any QueueSource], configuration: AlertStateMachine.Configuration = .init(), logger: Logger) {
        self.sources = sources
        self.machine = AlertStateMachine(configuration: configuration)
        self.logger = logger
    }

    /// Runs one cycle. `baselines` are accepted dead-letter counts by source, then queue.
    public func evaluate(at now: Date = Date(), baselines: [String: [String: Int]] = [:]) async -> Cycle {
        let polls = await withTaskGroup(of: (Int, Result<SourcePoll, QueueSourceError>).self) { group in
            for (index, source) in sources.enumerated() {
                let accepted = baselines[source.name] ?? [:]
                group.addTask {
                    do {
                        return (index, .success(try await source.poll(baselines: accepted)))
                    } catch let error as QueueSourceError {
                        return (index, .failure(error))
                    } catch {
                        return (index, .failure(QueueSourceError(.malformed, "\(error)")))
                    }
                }
            }
            var results = [Result<SourcePoll, QueueSourceError>?](repeating: nil, count: sources.count)
            for await (index, result) in group { results[index] = result }
            return results.compactMap { $0 }
        }
        var readings: [SourceReading] = []
        var figures: [QueueFigures] = []
        var findings: [Finding] = []
        for (source, poll) in zip(sources, polls) {
            switch poll {
            case .success(let found):
                readings.append(.read(source.name, found.findings))
                figures += found.figures
                findings += found.findings
            case .failure(let error):
                logger.warning("queue source unreadable", metadata: ["queue.source": "\(source.name)", "error": "\(error)"])
                readings.append(.unreadable(source.name, error.description))
                findings.append(.unknown(source: source.name, reason: error.description))
            }
        }
        let events = machine.evaluate(readings, at: now)
        let cycle = Cycle(at: now, readings: readings, figures: figures, events: events, findings: findings)
        lastCycle = cycle
        return cycle
    }

    /// Ends a firing alert as acknowledged (the CLI also records the baseline).
    public func acknowledge(source: String, queue: String, rule: RuleName, at now: Date = Date()) -> [AlertEvent] {
        machine.acknowledge(source: source, queue: queue, rule: rule, at: now)
    }

    /// The gauges of the last cycle, for `/metrics`.
    public func metrics() -> MetricsExposition {
        MetricsExposition(
            figures: lastCycle?.figures ?? [], stuck: lastCycle?.findings.filter { $0.rule != .unknown } ?? [],
            firing: machine.firing, pending: machine.pendingCount, unknownSources: lastCycle?.unknownSources ?? [])
    }
}
