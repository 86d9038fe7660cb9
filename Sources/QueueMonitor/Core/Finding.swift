/// What one rule concluded about one queue (or one message of it) in one evaluation.
/// Findings are plain values; the alert state machine decides whether they notify anybody.
public struct Finding: Sendable, Hashable, Codable {
    /// The configured name of the source (`orders-sqs`, `jobs-db`), not its kind.
    public var source: String
    public var queue: String
    public var rule: RuleName
    public var severity: Severity
    /// Set for rules that raise one finding per message (DEAD rows, POISON entries).
    public var messageID: String?
    public var figure: Figure
    public var summary: String
    /// The oldest offending messages, at most the configured drill-down limit.
    public var offenders: [Offender]
    /// A command or SQL statement an engineer can paste to look at the offenders.
    public var inspect: String?
    public var timing: AlertTiming

    public init(
        source: String, queue: String, rule: RuleName, severity: Severity, messageID: String? = nil,
        figure: Figure, summary: String, offenders: [Offender] = [], inspect: String? = nil,
        timing: AlertTiming = .immediate
    ) {
        self.source = source
        self.queue = queue
        self.rule = rule
        self.severity = severity
        self.messageID = messageID
        self.figure = figure
        self.summary = summary
        self.offenders = offenders
        self.inspect = inspect
        self.timing = timing
    }

    public var fingerprint: Fingerprint {
        Fingerprint(source: source, queue: queue, rule: rule, messageID: messageID)
    }
}
