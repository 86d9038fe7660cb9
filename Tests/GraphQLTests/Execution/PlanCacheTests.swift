import Testing
@testable import GraphQL

@Suite struct PlanCacheTests {
    @Test func repeatedRequestsReuseOnePlan() async throws {
        let executor = ExecutionHarness.executor()
        let first = try executor.prepare("{ hello }", operationName: nil).get()
        let second = try executor.prepare("{ hello }", operationName: nil).get()
        #expect(first === second)
        #expect(executor.cache.statistics.hits == 1)
        #expect(executor.cache.statistics.misses == 1)
        _ = await executor.execute(.init(query: "{ hello }"))
        #expect(executor.cache.statistics.hits == 2)
    }

    @Test func operationNamesAreSeparateEntries() throws {
        let executor = ExecutionHarness.executor()
        let document = "query A { hello } query B { number }"
        let a = try executor.prepare(document, operationName: "A").get()
        let b = try executor.prepare(document, operationName: "B").get()
        #expect(a !== b)
        #expect(a.operationName == "A")
        #expect(b.operationName == "B")
        #expect(executor.cache.statistics.count == 2)
    }

    @Test func failuresAreCachedToo() {
        let executor = ExecutionHarness.executor()
        for _ in 0..<3 {
            guard case .failure(let failure) = executor.prepare("{ nope }", operationName: nil) else {
                Issue.record("an invalid document compiled")
                return
            }
            #expect(failure.errors.map(\.message) == [#"Cannot query field "nope" on type "Query". Did you mean "node"?"#])
        }
        #expect(executor.cache.statistics.hits == 2)
    }

    @Test func theLeastRecentlyUsedEntryIsEvicted() throws {
        let executor = Executor(schema: ExecutionHarness.schema, cacheCapacity: 2)
        let a = try executor.prepare("{ a: hello }", operationName: nil).get()
        _ = try executor.prepare("{ b: hello }", operationName: nil).get()
        _ = try executor.prepare("{ a: hello }", operationName: nil).get()
        _ = try executor.prepare("{ c: hello }", operationName: nil).get()
        #expect(executor.cache[PlanCache.Key(query: "{ b: hello }", operationName: nil)] == nil)
        #expect(try executor.cache[PlanCache.Key(query: "{ a: hello }", operationName: nil)]?.get() === a)
        #expect(executor.cache.statistics.count == 2)
    }

    @Test func concurrentRequestsShareTheCache() async {
        let executor = ExecutionHarness.executor()
        let responses = await withTaskGroup(of: String.self) { group in
            for index in 0..<50 {
                group.addTask { await executor.execute(.init(query: "{ n\(index % 5): number }")).json }
            }
            var all = [String]()
            for await response in group { all.append(response) }
            return all
        }
        #expect(responses.count == 50)
        #expect(Set(responses).count == 5)
        #expect(executor.cache.statistics.count == 5)
    }

    @Test func plansShareFieldPlansAcrossFragmentsAndTypes() throws {
        let executor = ExecutionHarness.executor()
        let plan = try executor.prepare(
            "{ user { ...U } users { ...U } } fragment U on User { id name }", operationName: nil).get()
        // user, users, and one id and name shared by both selection sets.
        #expect(plan.fieldCount == 4)
    }
}
