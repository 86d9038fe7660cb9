/// Exponential backoff for deliveries that may fail (a webhook receiver restarting).
public struct RetryPolicy: Sendable, Hashable {
    public var maxAttempts: Int
    /// Seconds before the first retry; doubles after each failure up to `maxDelay`.
    public var initialDelay: Double
    public var maxDelay: Double

    public init(maxAttempts: Int = 5, initialDelay: Double = 1, maxDelay: Double = 30) {
        precondition(maxAttempts >= 1 && initialDelay >= 0 && maxDelay >= initialDelay, "invalid retry policy")
        self.maxAttempts = maxAttempts
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
    }

    /// Seconds to wait after failed attempt `attempt` (1-based), or nil when no attempt is left.
    public func delay(afterAttempt attempt: Int) -> Double? {
        guard attempt < maxAttempts else { return nil }
        return min(maxDelay, initialDelay * Double(1 << min(attempt - 1, 30)))
    }
}
