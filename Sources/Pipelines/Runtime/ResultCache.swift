import Foundation
import GraphQL

/// The results of pipelines that start with a `cache` step, shared by every request of a running
/// project and kept in this process only. An entry is served until its pipeline's `ttl` has passed
/// (nothing else invalidates it: a mutation does not), and the least recently used entry makes room
/// once `maxEntries` are stored. Only successful results are stored, `null` included.
///
/// Time comes from `now`, so tests move a clock instead of sleeping.
public final class ResultCache: @unchecked Sendable {
    /// A pipeline's name and the values its key evaluated to for one parent.
    public struct Key: Hashable, Sendable {
        public let pipeline: String
        public let values: [GraphQLValue]

        public init(pipeline: String, values: [GraphQLValue]) {
            self.pipeline = pipeline
            self.values = values
        }
    }

    /// Counts since the cache was made, for metrics (a hit ratio on `/metrics`).
    public struct Statistics: Sendable, Hashable {
        /// Parents answered from the cache.
        public var hits = 0
        /// Parents whose pipeline had to run (expired entries included).
        public var misses = 0
        /// Entries stored now, expired ones not yet noticed included.
        public var entries = 0
        /// Entries dropped to make room.
        public var evictions = 0
        /// Entries dropped because their ttl had passed when they were asked for.
        public var expirations = 0

        /// Hits over lookups, `nil` before the first lookup.
        public var hitRatio: Double? {
            hits + misses == 0 ? nil : Double(hits) / Double(hits + misses)
        }
    }

    private struct Entry {
        let value: GraphQLValue
        let expires: ContinuousClock.Instant
    }

    /// The most entries kept; 0 means the cache is off and pipelines always run.
    public let maxEntries: Int
    private let now: @Sendable () -> ContinuousClock.Instant
    // Invariant: `table` and `counts` are only read or written with `lock` held; every method
    // holds it for a bounded, non-blocking amount of work (no await, no I/O).
    private let lock = NSLock()
    private var table: LRUTable<Key, Entry>?
    private var counts = Statistics()

    public init(maxEntries: Int = ProjectConfig.Caches.defaultResultsMaxEntries,
                now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.maxEntries = max(0, maxEntries)
        self.now = now
        table = maxEntries > 0 ? LRUTable(capacity: maxEntries) : nil
    }

    /// The cache `sluice.yaml`'s `caches` section asks for.
    public convenience init(_ caches: ProjectConfig.Caches,
                            now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.init(maxEntries: caches.resultsMaxEntries, now: now)
    }

    public var isEnabled: Bool { maxEntries > 0 }

    public var statistics: Statistics {
        lock.withLock {
            var counts = counts
            counts.entries = table?.count ?? 0
            return counts
        }
    }

    /// The stored value of each key still fresh, `nil` for a miss; a `nil` key (a parent that cannot
    /// be cached) is a miss. One lock for the whole level.
    func values(for keys: [Key?]) -> [GraphQLValue?] {
        let instant = now()
        return lock.withLock {
            keys.map { key in
                guard let key, let entry = table?.value(for: key) else {
                    counts.misses += 1
                    return nil
                }
                guard instant < entry.expires else {
                    table?.remove(key)
                    counts.expirations += 1
                    counts.misses += 1
                    return nil
                }
                counts.hits += 1
                return entry.value
            }
        }
    }

    /// Stores results computed now, each served for `ttl`.
    func store(_ results: [(key: Key, value: GraphQLValue)], ttl: Duration) {
        guard !results.isEmpty else { return }
        let expires = now() + ttl
        let entries = results.map { (key: $0.key, entry: Entry(value: $0.value.detached, expires: expires)) }
        lock.withLock {
            for (key, entry) in entries {
                let evicted = table?.set(entry, for: key)
                if evicted != nil { counts.evictions += 1 }
            }
        }
    }

    /// Forgets every entry (the counts stay).
    public func removeAll() {
        lock.withLock { table?.removeAll() }
    }
}
