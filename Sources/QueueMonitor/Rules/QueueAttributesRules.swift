/// The SQS rules, driven by attribute polls alone (CloudWatch age is optional enrichment).
/// Because SQS has no peek, none of them needs to receive a message.
public struct QueueAttributesRules: Sendable {
    public var settings: RuleSettings
    /// Oldest-message age above which a non-shrinking backlog is LAGGING (needs CloudWatch age).
    public var ageObjective: Double
    /// The dead-letter count accepted by `sluice queues ack`; DEAD fires only above it.
    public var deadLetterBaseline: Int

    public init(settings: RuleSettings = RuleSettings(), ageObjective: Double = 600, deadLetterBaseline: Int = 0) {
        self.settings = settings
        self.ageObjective = ageObjective
        self.deadLetterBaseline = deadLetterBaseline
    }

    public func evaluate(
        _ window: SampleWindow<QueueAttributesSample>, source: String, queue: String, inspect: String?
    ) -> [Finding] {
        guard let now = window.last else { return [] }
        func finding(_ rule: RuleName, _ severity: Severity, _ figure: Figure, _ summary: String) -> Finding {
            Finding(source: source, queue: queue, rule: rule, severity: severity, figure: figure,
                    summary: summary, inspect: inspect, timing: settings.timing)
        }
        var found: [Finding] = []
        if now.isDeadLetterQueue {
            if now.visible > deadLetterBaseline {
                found.append(finding(.dead, .error,
                    Figure("dead-lettered", value: Double(now.visible), threshold: Double(deadLetterBaseline),
                           unit: .messages),
                    "\(now.visible) messages in the dead-letter queue of \(now.deadLetterSources.joined(separator: ", "))"))
            }
            return found
        }
        if now.maxReceiveCount == nil {
            found.append(finding(.unguarded, .info, Figure("redrive policies", value: 0, threshold: 1, unit: .messages),
                "no redrive policy: poison messages will loop unseen"))
        }
        // An empty queue is healthy whatever its metrics say.
        if now.total == 0 { return found }
        if window.holdsThroughout(settings.window, { $0.visible > 0 && $0.inFlight == 0 }) {
            found.append(finding(.stopped, .error,
                Figure("ready, none in flight for", value: window.span, threshold: settings.window, unit: .seconds),
                "\(now.visible) messages ready and nothing receiving them"))
        }
        let stallSpan = max(settings.window, 2 * now.visibilityTimeout)
        let flat = window.samples.allSatisfy { $0.inFlight == window.first?.inFlight }
        let deadLettersGrew = (now.deadLetterVisible ?? 0) > (window.first?.deadLetterVisible ?? 0)
        if window.holdsThroughout(stallSpan, { $0.inFlight > 0 }), window.neverDecreases({ $0.visible + $0.inFlight }),
           flat || deadLettersGrew {
            found.append(finding(.stalled, .error,
                Figure("in flight without completing for", value: window.span, threshold: stallSpan, unit: .seconds),
                "\(now.inFlight) messages received and never deleted"))
        }
        if let age = now.oldestAge {
            if age > 0.5 * now.retentionPeriod {
                found.append(finding(.retentionRisk, .error,
                    Figure("oldest message age", value: age, threshold: 0.5 * now.retentionPeriod, unit: .seconds),
                    "oldest message is past half its retention and may be deleted unprocessed"))
            }
            if age > ageObjective, window.covers(settings.window), window.neverDecreases({ $0.oldestAge ?? 0 }) {
                found.append(finding(.lagging, .warning,
                    Figure("oldest message age", value: age, threshold: ageObjective, unit: .seconds),
                    "oldest message keeps ageing while the queue is worked"))
            }
        } else if window.covers(settings.window), window.neverDecreases({ $0.visible }),
                  let first = window.first, now.visible > first.visible, now.inFlight > 0 {
            found.append(finding(.lagging, .warning,
                Figure("backlog growth", value: Double(now.visible - first.visible), threshold: 0, unit: .messages),
                "backlog grew from \(first.visible) to \(now.visible) while being worked"))
        }
        return found
    }
}
