/// What one source gave in one evaluation: its findings, or the reason it could not be read.
public struct SourceReading: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        case findings([Finding])
        case unreadable(reason: String)
    }

    public var source: String
    public var outcome: Outcome

    public init(source: String, outcome: Outcome) {
        self.source = source
        self.outcome = outcome
    }

    public static func read(_ source: String, _ findings: [Finding]) -> SourceReading {
        SourceReading(source: source, outcome: .findings(findings))
    }

    public static func unreadable(_ source: String, _ reason: String) -> SourceReading {
        SourceReading(source: source, outcome: .unreadable(reason: reason))
    }
}

extension Finding {
    /// The finding that stands for a source that could not be read: UNKNOWN is an error, fires at
    /// once, and is never mistaken for all clear.
    public static func unknown(source: String, reason: String) -> Finding {
        Finding(
            source: source, queue: "*", rule: .unknown, severity: .error,
            figure: Figure("unreadable", value: 1, threshold: 0, unit: .messages),
            summary: "source cannot be read: \(reason)"
        )
    }
}
