/// The Redis stream rules, in the shared vocabulary: a dead consumer's entries are ABANDONED, an
/// alive consumer's old entries are STALLED, a frozen group is STOPPED, a growing lag is LAGGING.
public struct StreamGroupRules: Sendable {
    public var settings: RuleSettings
    /// Milliseconds of idleness that make an entry or a consumer suspect (the app's claim min-idle).
    public var idleThreshold: Int
    /// Deliveries at which an entry is POISON.
    public var maxDeliveries: Int

    public init(settings: RuleSettings = RuleSettings(), idleThreshold: Int = 60_000, maxDeliveries: Int = 5) {
        self.settings = settings
        self.idleThreshold = idleThreshold
        self.maxDeliveries = maxDeliveries
    }

    public func evaluate(
        _ window: SampleWindow<StreamGroupSample>, source: String, queue: String, inspect: String?
    ) -> [Finding] {
        guard let now = window.last else { return [] }
        func finding(
            _ rule: RuleName, _ severity: Severity, _ figure: Figure, _ summary: String,
            _ entries: [StreamGroupSample.PendingEntry], messageID: String? = nil
        ) -> Finding {
            let offenders = entries.prefix(settings.drillDownLimit).map {
                Offender(id: $0.id, age: Double($0.idle) / 1000, attempts: $0.deliveries, owner: $0.consumer)
            }
            return Finding(source: source, queue: queue, rule: rule, severity: severity, messageID: messageID,
                           figure: figure, summary: summary, offenders: offenders, inspect: inspect,
                           timing: settings.timing)
        }
        var found: [Finding] = []
        let threshold = Double(idleThreshold) / 1000
        let dead = Set(now.consumers.filter { $0.pending > 0 && $0.idle >= idleThreshold }.map(\.name))
        let stuck = now.oldestPending.filter { $0.idle >= idleThreshold }
        let abandoned = stuck.filter { dead.contains($0.consumer) }
        let stalled = stuck.filter { !dead.contains($0.consumer) }
        if !dead.isEmpty {
            let idlest = now.consumers.filter { dead.contains($0.name) }.map(\.idle).max() ?? 0
            found.append(finding(.abandoned, .error,
                Figure("consumer idle", value: Double(idlest) / 1000, threshold: threshold, unit: .seconds),
                "consumers \(dead.sorted().joined(separator: ", ")) hold pending entries and stopped reading",
                abandoned))
        }
        if let oldest = stalled.first {
            found.append(finding(.stalled, .error,
                Figure("pending entry idle", value: Double(oldest.idle) / 1000, threshold: threshold, unit: .seconds),
                "\(stalled.count) entries delivered to live consumers and never acknowledged", stalled))
        }
        for entry in now.oldestPending where entry.deliveries >= maxDeliveries {
            found.append(finding(.poison, .error,
                Figure("deliveries", value: Double(entry.deliveries), threshold: Double(maxDeliveries), unit: .attempts),
                "entry \(entry.id) delivered \(entry.deliveries) times", [entry], messageID: entry.id))
        }
        if let first = window.first, window.covers(settings.window) {
            let frozen = window.samples.allSatisfy { $0.lastDeliveredID == first.lastDeliveredID }
            if frozen, window.samples.allSatisfy({ ($0.lag ?? 0) > 0 }) {
                found.append(finding(.stopped, .error,
                    Figure("lag, nothing delivered for", value: window.span, threshold: settings.window, unit: .seconds),
                    "\(now.lag ?? 0) entries waiting and the group delivered none", []))
            } else if !frozen, let lag = now.lag, let firstLag = first.lag, lag > firstLag,
                      window.neverDecreases({ $0.lag ?? 0 }) {
                found.append(finding(.lagging, .warning,
                    Figure("lag growth", value: Double(lag - firstLag), threshold: 0, unit: .messages),
                    "lag grew from \(firstLag) to \(lag) while the group kept delivering", []))
            }
        }
        return found
    }
}
