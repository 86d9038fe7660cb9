/// Writes the monitor's gauges in the Prometheus text exposition format (version 0.0.4).
/// Small on purpose: a handful of gauge families, rendered fresh on each scrape.
public struct MetricsExposition: Sendable {
    public var figures: [QueueFigures]
    /// Open findings (firing or pending) by queue and rule.
    public var stuck: [Finding]
    public var firing: [Finding]
    public var pending: Int
    public var unknownSources: [String]

    public init(
        figures: [QueueFigures], stuck: [Finding], firing: [Finding], pending: Int, unknownSources: [String]
    ) {
        self.figures = figures
        self.stuck = stuck
        self.firing = firing
        self.pending = pending
        self.unknownSources = unknownSources
    }

    public func render() -> String {
        var out = ""
        family(&out, "queue_oldest_message_age_seconds", "Age of the oldest waiting message, from the source's clock.")
        for queue in sortedFigures() {
            guard let age = queue.oldestAge else { continue }
            sample(&out, "queue_oldest_message_age_seconds", ["source": queue.source, "queue": queue.queue], age)
        }
        family(&out, "queue_messages", "Messages by state.")
        for queue in sortedFigures() {
            for (state, count) in queue.messages.sorted(by: { $0.key < $1.key }) {
                sample(&out, "queue_messages", ["source": queue.source, "queue": queue.queue, "state": state],
                       Double(count))
            }
        }
        family(&out, "queue_stuck_messages", "Offending messages named by open findings, by rule.")
        var counts: [[String]: Int] = [:]
        for finding in stuck {
            // A finding without a drill-down (an SQS dead-letter count) counts what its figure counted.
            let named = finding.offenders.isEmpty && finding.figure.unit == .messages
                ? Int(finding.figure.value) : finding.offenders.count
            counts[[finding.source, finding.queue, finding.rule.rawValue], default: 0] += max(1, named)
        }
        for (key, count) in counts.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            sample(&out, "queue_stuck_messages", ["source": key[0], "queue": key[1], "rule": key[2]], Double(count))
        }
        family(&out, "queue_alerts", "Alerts by state.")
        sample(&out, "queue_alerts", ["state": "firing"], Double(firing.count))
        sample(&out, "queue_alerts", ["state": "pending"], Double(pending))
        family(&out, "queue_source_up", "1 when the source was read at the last evaluation, 0 when UNKNOWN.")
        let sources = Set(figures.map(\.source)).union(unknownSources)
        for source in sources.sorted() {
            sample(&out, "queue_source_up", ["source": source], unknownSources.contains(source) ? 0 : 1)
        }
        return out
    }

    private func sortedFigures() -> [QueueFigures] {
        figures.sorted { ($0.source, $0.queue) < ($1.source, $1.queue) }
    }

    private func family(_ out: inout String, _ name: String, _ help: String) {
        out += "# HELP \(name) \(help)\n# TYPE \(name) gauge\n"
    }

    private func sample(_ out: inout String, _ name: String, _ labels: [String: String], _ value: Double) {
        let rendered = labels.sorted { $0.key < $1.key }.map { "\($0.key)=\"\(Self.escape($0.value))\"" }
        let number = value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
        out += "\(name){\(rendered.joined(separator: ","))} \(number)\n"
    }

    /// Label values escape backslash, double quote and newline, as the format requires.
    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
