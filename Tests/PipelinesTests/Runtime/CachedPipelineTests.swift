import GraphQL
import MariaDB
import Testing
@testable import Pipelines

/// Pipelines with a `cache` step, run through the executor against the suite's database, counting
/// the statements that reach it.
@Suite(.enabled(if: TestDatabase.isConfigured, TestDatabase.missing))
struct CachedPipelineTests {
    let suite = "cache"

    static let resolvers = """
        Query.product:
          - cache: { ttl: 30s, key: [args.id] }
          - sql: SELECT id, sku, name, category, price, stock FROM products WHERE id = :id
            params: { id: args.id }
            returns: one

        Query.order:
          - cache: { ttl: 30s, key: [args.id] }
          - sql: SELECT id, customer_id, status, total, created_at FROM orders WHERE id = :id
            params: { id: args.id }
            returns: one
          - guard: prev != null
            error: { code: NOT_FOUND, message: no order has this id }

        Query.customer:
          - cache: { ttl: 30s, key: [args.id, identity.sub] }
          - guard: identity.sub == args.id
            error: { code: FORBIDDEN, message: only the customer may read this }
          - sql: SELECT id, name, email, created_at FROM customers WHERE id = :id
            params: { id: args.id }
            returns: one

        Query.customers:
          - transform: { first: args.first }

        CustomerConnection.edges:
          - sql: SELECT id, name, email, created_at FROM customers ORDER BY id LIMIT :first
            params: { first: source.first }
            returns: many

        CustomerEdge.node:
          - return: source

        Customer.orders:
          - cache: { ttl: 30s, key: [source.id, args.first, args.status] }
          - sql: |
              SELECT id, customer_id, status, total, created_at FROM orders
              WHERE customer_id IN (:keys) AND (:status IS NULL OR status = :status)
              ORDER BY created_at DESC, id DESC
            params: { status: args.status }
            batch: { key: source.id, column: customer_id, limit: args.first }
            returns: many
        """

    /// The project, an executor over it with `cache`, and the recorder of its statements.
    struct Running {
        let project: ShopProject
        let executor: Executor
        let recorder: StatementRecorder

        func run(_ query: String, identity: GraphQLValue = .null) async -> String {
            await executor.execute(Executor.Request(query: query), context: RequestContext(identity: identity)).json
        }

        func statements(of pipeline: String) -> [StatementTrace] {
            recorder.recorded.filter { $0.pipeline == pipeline }
        }
    }

    func running(_ cache: ResultCache?) async throws -> Running {
        let project = try await ShopProject.open(suite: suite, files: [("Resolvers/cached.yaml", Self.resolvers)])
        let recorder = StatementRecorder()
        let executor = project.pipelines.executor(PipelineEnvironment(
            dataSources: project.dataSources, mode: .development, observer: recorder, resultCache: cache))
        return Running(project: project, executor: executor, recorder: recorder)
    }

    static let kettle = #"{"data":{"product":{"id":"3","name":"Granite Kettle"}}}"#

    @Test func aRepeatedQueryRunsNoStatementTheSecondTime() async throws {
        let cache = ResultCache()
        let running = try await running(cache)
        #expect(await running.run(#"{ product(id: "3") { id name } }"#) == Self.kettle)
        #expect(await running.run(#"{ product(id: "3") { id name } }"#) == Self.kettle)
        // An ID given as a number is the same argument, so the same entry.
        let name = await running.run(#"{ product(id: 3) { name } }"#)
        #expect(name == #"{"data":{"product":{"name":"Granite Kettle"}}}"#)
        #expect(running.recorder.recorded.count == 1)
        #expect(cache.statistics == ResultCache.Statistics(hits: 2, misses: 1, entries: 1))
    }

    @Test func differentArgumentsMiss() async throws {
        let cache = ResultCache()
        let running = try await running(cache)
        _ = await running.run(#"{ product(id: "3") { name } }"#)
        #expect(await running.run(#"{ product(id: "4") { id } }"#) == #"{"data":{"product":{"id":"4"}}}"#)
        #expect(running.recorder.recorded.map(\.binds) == [[.string("3")], [.string("4")]])
        #expect(cache.statistics == ResultCache.Statistics(hits: 0, misses: 2, entries: 2))
    }

    @Test func aLevelRunsOneStatementForJustItsMisses() async throws {
        let query = { (first: Int) in
            "{ customers(first: \(first)) { edges { node { id orders(first: 2) { id status total } } } } }"
        }
        let uncached = try await running(nil)
        let expected = await uncached.run(query(5))
        #expect(expected.hasPrefix(#"{"data":{"customers":{"edges":[{"node":{"id":"1","orders":[{"id":"#))

        let cache = ResultCache()
        let running = try await running(cache)
        _ = await running.run(query(2))
        #expect(running.statements(of: "Customer.orders").count == 1)
        #expect(await running.run(query(5)) == expected)
        let orders = running.statements(of: "Customer.orders")
        #expect(orders.count == 2)
        // Customers 3, 4 and 5 only (the last key repeats to fill the four-key statement; edge rows
        // keep their integer ids), then :status twice and the limit.
        #expect(orders.last?.binds == [.int(3), .int(4), .int(5), .int(5), .null, .null, .int(2)])
        #expect(cache.statistics == ResultCache.Statistics(hits: 2, misses: 5, entries: 5))
        // Everyone answered from the cache: no statement for the level at all.
        #expect(await running.run(query(5)) == expected)
        #expect(running.statements(of: "Customer.orders").count == 2)
    }

    @Test func anEntryExpiresWithItsTTL() async throws {
        let clock = ManualClock()
        let running = try await running(ResultCache(now: clock.reading))
        _ = await running.run(#"{ product(id: "3") { name } }"#)
        clock.advance(by: .seconds(29))
        _ = await running.run(#"{ product(id: "3") { name } }"#)
        #expect(running.recorder.recorded.count == 1)
        clock.advance(by: .seconds(1))
        #expect(await running.run(#"{ product(id: "3") { id name } }"#) == Self.kettle)
        #expect(running.recorder.recorded.count == 2)
    }

    @Test func fieldErrorsAreNotCached() async throws {
        let cache = ResultCache()
        let running = try await running(cache)
        let missing = #"{ order(id: "999999") { id } }"#
        let error = #"{"errors":[{"message":"no order has this id","locations":[{"line":1,"column":3}],"#
            + #""path":["order"],"extensions":{"code":"NOT_FOUND","definedAt":"Resolvers/cached.yaml:12","#
            + #""pipeline":"Query.order","step":{"index":"3","kind":"guard"}}}],"data":{"order":null}}"#
        #expect(await running.run(missing) == error)
        #expect(await running.run(missing) == error)
        #expect(running.recorder.recorded.count == 2)
        #expect(cache.statistics == ResultCache.Statistics(hits: 0, misses: 2, entries: 0))
    }

    @Test func nullIsCached() async throws {
        let cache = ResultCache()
        let running = try await running(cache)
        #expect(await running.run(#"{ product(id: "999999") { id } }"#) == #"{"data":{"product":null}}"#)
        #expect(await running.run(#"{ product(id: "999999") { id } }"#) == #"{"data":{"product":null}}"#)
        #expect(running.recorder.recorded.count == 1)
        #expect(cache.statistics.hits == 1)
    }

    @Test func maxEntriesEvictsTheLeastRecentlyUsed() async throws {
        let cache = ResultCache(maxEntries: 2)
        let running = try await running(cache)
        for id in [1, 2, 1, 3] { _ = await running.run("{ product(id: \(id)) { id } }") }
        // 1 was used after 2, so storing 3 dropped 2.
        #expect(running.recorder.recorded.map(\.binds) == [[.string("1")], [.string("2")], [.string("3")]])
        _ = await running.run("{ product(id: 1) { id } }")
        _ = await running.run("{ product(id: 2) { id } }")
        #expect(running.recorder.recorded.count == 4)
        #expect(cache.statistics == ResultCache.Statistics(hits: 2, misses: 4, entries: 2, evictions: 2))
    }

    @Test func maxEntriesZeroTurnsTheCacheOff() async throws {
        let cache = ResultCache(maxEntries: 0)
        let running = try await running(cache)
        #expect(await running.run(#"{ product(id: "3") { id name } }"#) == Self.kettle)
        #expect(await running.run(#"{ product(id: "3") { id name } }"#) == Self.kettle)
        #expect(running.recorder.recorded.count == 2)
        #expect(cache.statistics == ResultCache.Statistics())
    }

    @Test func oneCallersResultIsNeverServedToAnother() async throws {
        let cache = ResultCache()
        let running = try await running(cache)
        let query = #"{ customer(id: "1") { name } }"#
        let grace = #"{"data":{"customer":{"name":"Grace Lovelace"}}}"#
        #expect(await running.run(query, identity: ["sub": "1"]) == grace)
        let refused = await running.run(query, identity: ["sub": "2"])
        #expect(refused.contains(#""code":"FORBIDDEN""#))
        #expect(await running.run(query, identity: ["sub": "1"]) == grace)
        #expect(running.recorder.recorded.count == 1)
        #expect(cache.statistics == ResultCache.Statistics(hits: 1, misses: 2, entries: 1))
    }

    @Test func concurrentRequestsShareTheCache() async throws {
        let cache = ResultCache(maxEntries: 3)
        let running = try await running(cache)
        let answers = await withTaskGroup(of: (Int, String).self) { group in
            for request in 0..<40 {
                group.addTask { (request % 5 + 1, await running.run("{ product(id: \(request % 5 + 1)) { id } }")) }
            }
            var answers = [(Int, String)]()
            for await answer in group { answers.append(answer) }
            return answers
        }
        #expect(answers.count == 40)
        for (id, json) in answers { #expect(json == #"{"data":{"product":{"id":"\#(id)"}}}"#) }
        let statistics = cache.statistics
        #expect(statistics.hits + statistics.misses == 40)
        #expect(statistics.misses == running.recorder.recorded.count)
        #expect(statistics.entries == 3)
    }

    @Test func resolvingAPipelineDirectlyBypassesTheCache() async throws {
        let running = try await running(ResultCache())
        let recorder = StatementRecorder()
        for _ in 0..<2 {
            let product = try await running.project.resolve("Query.product", args: ["id": "3"], observer: recorder)
            #expect(try product.get()["name"] == "Granite Kettle")
        }
        #expect(recorder.recorded.count == 2)
    }
}
