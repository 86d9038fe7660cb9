import GraphQL
import Testing
@testable import Pipelines

@Suite struct ResultCacheTests {
    static let first = ResultCache.Key(pipeline: "Query.product", values: ["1"])
    static let second = ResultCache.Key(pipeline: "Query.product", values: ["2"])
    static let otherPipeline = ResultCache.Key(pipeline: "Query.customer", values: ["1"])

    @Test func servesWhatWasStoredUntilTheTTLHasPassed() {
        let clock = ManualClock()
        let cache = ResultCache(maxEntries: 10, now: clock.reading)
        cache.store([(Self.first, ["name": "Kettle"])], ttl: .seconds(30))
        #expect(cache.values(for: [Self.first, Self.second, Self.otherPipeline]) == [["name": "Kettle"], nil, nil])
        clock.advance(by: .seconds(29))
        #expect(cache.values(for: [Self.first]) == [["name": "Kettle"]])
        clock.advance(by: .seconds(1))
        #expect(cache.values(for: [Self.first]) == [nil])
        #expect(cache.statistics == ResultCache.Statistics(hits: 2, misses: 3, entries: 0, evictions: 0,
                                                           expirations: 1))
    }

    @Test func nullIsAResultAndANilKeyAMiss() {
        let cache = ResultCache(maxEntries: 10)
        cache.store([(Self.first, .null)], ttl: .seconds(30))
        let values = cache.values(for: [Self.first, nil])
        #expect(values.count == 2)
        #expect(values[0] == .some(.null))
        #expect(values[1] == nil)
        #expect(cache.statistics.hits == 1)
        #expect(cache.statistics.misses == 1)
        #expect(cache.statistics.hitRatio == 0.5)
    }

    @Test func evictsTheLeastRecentlyUsedAtMaxEntries() {
        let cache = ResultCache(maxEntries: 2)
        cache.store([(Self.first, 1), (Self.second, 2)], ttl: .seconds(30))
        _ = cache.values(for: [Self.first])
        cache.store([(Self.otherPipeline, 3)], ttl: .seconds(30))
        #expect(cache.values(for: [Self.first, Self.second, Self.otherPipeline]) == [1, nil, 3])
        #expect(cache.statistics.entries == 2)
        #expect(cache.statistics.evictions == 1)
    }

    @Test func zeroEntriesStoresNothing() {
        let cache = ResultCache(maxEntries: 0)
        #expect(!cache.isEnabled)
        cache.store([(Self.first, 1)], ttl: .seconds(30))
        #expect(cache.values(for: [Self.first]) == [nil])
        #expect(cache.statistics.entries == 0)
    }

    @Test func removeAllKeepsTheCounts() {
        let cache = ResultCache(ProjectConfig.Caches(resultsMaxEntries: 5))
        #expect(cache.maxEntries == 5)
        #expect(cache.statistics.hitRatio == nil)
        cache.store([(Self.first, 1)], ttl: .seconds(30))
        _ = cache.values(for: [Self.first])
        cache.removeAll()
        #expect(cache.values(for: [Self.first]) == [nil])
        #expect(cache.statistics == ResultCache.Statistics(hits: 1, misses: 1, entries: 0))
    }
}
