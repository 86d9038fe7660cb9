/// A place queues live. Polling must be read-only: no receive, claim, lock or delete, ever.
public protocol QueueSource: Sendable {
    /// The configured name, used in every alert and fingerprint.
    var name: String { get }
    /// Reads every queue once and evaluates its rules over the source's sample windows.
    /// `baselines` are the accepted dead-letter counts by queue name.
    func poll(baselines: [String: Int]) async throws -> SourcePoll
}
