/// The current counts of one queue, whatever its rules concluded: what `show` prints and what the
/// Prometheus gauges export.
public struct QueueFigures: Sendable, Hashable, Codable {
    public var source: String
    public var queue: String
    /// Seconds; nil when the source cannot tell (SQS without CloudWatch).
    public var oldestAge: Double?
    /// Counts by state: `ready`, `in_flight`, `delayed`, `dead`, `pending`, `lag`.
    public var messages: [String: Int]

    public init(source: String, queue: String, oldestAge: Double? = nil, messages: [String: Int] = [:]) {
        self.source = source
        self.queue = queue
        self.oldestAge = oldestAge
        self.messages = messages
    }
}

/// One source's answer to one poll: figures per queue, and the findings of its rules.
public struct SourcePoll: Sendable, Hashable {
    public var figures: [QueueFigures]
    public var findings: [Finding]

    public init(figures: [QueueFigures] = [], findings: [Finding] = []) {
        self.figures = figures
        self.findings = findings
    }
}
