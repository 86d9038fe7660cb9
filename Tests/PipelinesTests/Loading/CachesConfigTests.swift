import Testing
@testable import Pipelines

/// The `caches` section of `sluice.yaml`, as far as pipelines use it.
@Suite struct CachesConfigTests {
    @Test func resultsKeepTenThousandEntriesUnlessTold() throws {
        #expect(try ProjectConfig.load("mode: development\n", environment: [:]).caches.resultsMaxEntries == 10_000)
        let config = try ProjectConfig.load("caches:\n  results:\n    maxEntries: ${ENTRIES:-250}\n",
                                            environment: [:])
        #expect(config.caches.resultsMaxEntries == 250)
        let off = try ProjectConfig.load("caches: { results: { maxEntries: 0 } }\n", environment: [:])
        #expect(off.caches == ProjectConfig.Caches(resultsMaxEntries: 0))
        #expect(!ResultCache(off.caches).isEnabled)
    }

    @Test(arguments: [
        ("caches: 100", "sluice.yaml:1:9: caches must be a mapping, found a scalar"),
        ("caches: { documents: {} }", "sluice.yaml:1:11: unknown key 'documents' in caches (known: results)"),
        ("caches: { results: 10 }", "sluice.yaml:1:20: caches.results must be a mapping, found a scalar"),
        ("caches: { results: { size: 10 } }",
         "sluice.yaml:1:22: unknown key 'size' in caches.results (known: maxEntries)"),
        ("caches: { results: { maxEntries: -1 } }",
         "sluice.yaml:1:34: caches.results.maxEntries must be a whole number from 0 to 10000000, found '-1'"),
        ("caches: { results: { maxEntries: lots } }",
         "sluice.yaml:1:34: caches.results.maxEntries must be a whole number from 0 to 10000000, found 'lots'"),
        ("caches: { results: { maxEntries: [1] } }",
         "sluice.yaml:1:34: caches.results.maxEntries must be a scalar, found a list"),
    ])
    func mistakes(_ text: String, _ message: String) {
        do {
            _ = try ProjectConfig.load(text + "\n", environment: [:])
            Issue.record("loaded")
        } catch {
            #expect(error.diagnostics.map(\.description) == [message])
        }
    }
}
