/// Settings every source's rules share: the window, the drill-down limit and the alert timing.
public struct RuleSettings: Sendable, Hashable {
    /// Seconds a window rule (STOPPED, STALLED, LAGGING) needs evidence for; Burrow's window span.
    public var window: Double
    /// How many offending messages an alert names.
    public var drillDownLimit: Int
    public var timing: AlertTiming

    public init(window: Double = 300, drillDownLimit: Int = 5, timing: AlertTiming = .immediate) {
        self.window = window
        self.drillDownLimit = drillDownLimit
        self.timing = timing
    }
}
