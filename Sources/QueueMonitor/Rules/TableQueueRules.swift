/// The table-queue rules. Thresholds that compare ages are applied in SQL (against `NOW(6)`), so
/// these rules only turn a sample's groups into findings, plus STOPPED, which needs the window.
public struct TableQueueRules: Sendable {
    public var settings: RuleSettings
    /// Seconds the oldest ready row may wait (WARN), and the age at which that becomes an error.
    public var waitWarning: Double
    public var waitError: Double
    /// Seconds a heartbeat may be silent, and a run may last, before the row is suspect.
    public var heartbeatTimeout: Double
    public var runLimit: Double
    public var maxAttempts: Int
    /// Dead rows accepted with `sluice queues ack`: DEAD names only the rows beyond them, newest first.
    public var deadBaseline = 0

    public init(
        settings: RuleSettings = RuleSettings(), waitWarning: Double = 300, waitError: Double = 1800,
        heartbeatTimeout: Double = 120, runLimit: Double = 3600, maxAttempts: Int = 25
    ) {
        self.settings = settings
        self.waitWarning = waitWarning
        self.waitError = waitError
        self.heartbeatTimeout = heartbeatTimeout
        self.runLimit = runLimit
        self.maxAttempts = maxAttempts
    }

    /// Attempts at which a row counts as RETRYING: max(3, ⌈0.6·max attempts⌉).
    public var retryingAttempts: Int { max(3, Int((0.6 * Double(maxAttempts)).rounded(.up))) }

    public func evaluate(
        _ window: SampleWindow<TableQueueSample>, source: String, queue: String, inspect: (RuleName) -> String
    ) -> [Finding] {
        guard let now = window.last else { return [] }
        func finding(
            _ rule: RuleName, _ severity: Severity, _ figure: Figure, _ summary: String, _ offenders: [Offender],
            messageID: String? = nil
        ) -> Finding {
            Finding(source: source, queue: queue, rule: rule, severity: severity, messageID: messageID,
                    figure: figure, summary: summary, offenders: Array(offenders.prefix(settings.drillDownLimit)),
                    inspect: inspect(rule), timing: settings.timing)
        }
        var found: [Finding] = []
        if let age = now.ready.oldestAge, age > waitWarning {
            let severity: Severity = age > waitError ? .error : .warning
            found.append(finding(.waiting, severity,
                Figure("oldest ready age", value: age, threshold: severity == .error ? waitError : waitWarning,
                       unit: .seconds),
                "\(now.ready.count) ready rows, oldest waiting \(Figure.format(age, .seconds))", now.ready.oldest))
        }
        if now.abandoned.count > 0 {
            found.append(finding(.abandoned, .error,
                Figure("heartbeat age", value: now.abandoned.oldest.first?.age ?? 0, threshold: heartbeatTimeout,
                       unit: .seconds),
                "\(now.abandoned.count) running rows whose worker stopped reporting", now.abandoned.oldest))
        }
        if now.slow.count > 0 {
            found.append(finding(.slow, .warning,
                Figure("running for", value: now.slow.oldest.first?.age ?? 0, threshold: runLimit, unit: .seconds),
                "\(now.slow.count) rows running past the limit with a fresh heartbeat", now.slow.oldest))
        }
        if now.retrying.count > 0 {
            found.append(finding(.retrying, .warning,
                Figure("attempts", value: Double(now.retrying.oldest.map { $0.attempts ?? 0 }.max() ?? 0),
                       threshold: Double(retryingAttempts), unit: .attempts),
                "\(now.retrying.count) rows retrying towards their max attempts", now.retrying.oldest))
        }
        // One finding per dead row, so each is fixed on its own; rows within the baseline are accepted.
        let accepted = deadBaseline > 0 ? ", \(deadBaseline) accepted" : ""
        for row in now.dead.oldest.prefix(min(settings.drillDownLimit, max(0, now.dead.count - deadBaseline))) {
            found.append(finding(.dead, .error,
                Figure("attempts", value: Double(row.attempts ?? 0), threshold: Double(maxAttempts), unit: .attempts),
                "row \(row.id) failed (\(now.dead.count) dead rows in all\(accepted))", [row], messageID: row.id))
        }
        let stopped = window.holdsThroughout(settings.window) {
            $0.ready.count > 0 && $0.running == 0 && ($0.finishedRecently ?? 0) == 0
        }
        if stopped {
            found.append(finding(.stopped, .error,
                Figure("ready, none running for", value: window.span, threshold: settings.window, unit: .seconds),
                "\(now.ready.count) ready rows and no worker took or finished one", now.ready.oldest))
        }
        return found
    }
}
