/// The verdict of `sluice queues check`, as an exit code cron and Kubernetes CronJobs act on.
public enum CheckOutcome: Int32, Sendable, Hashable, CaseIterable {
    case clear = 0
    case warning = 1
    case firing = 2
    /// A source could not be read: nothing can be vouched for, so this outranks the others.
    case unreachable = 3

    public init(findings: [Finding], unknownSources: [String]) {
        if !unknownSources.isEmpty || findings.contains(where: { $0.rule == .unknown }) {
            self = .unreachable
        } else if findings.contains(where: { $0.severity == .error }) {
            self = .firing
        } else if findings.contains(where: { $0.severity == .warning }) {
            self = .warning
        } else {
            self = .clear
        }
    }
}
