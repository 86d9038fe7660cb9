/// A cache's counts right now, for its gauges on `/metrics`. The gateway is handed a closure that
/// reads them (the per-field result cache lives with the pipelines, which the gateway does not know).
public struct CacheUsage: Sendable, Hashable {
    public var hits: Int
    public var misses: Int
    public var entries: Int

    public init(hits: Int, misses: Int, entries: Int) {
        self.hits = hits
        self.misses = misses
        self.entries = entries
    }
}
