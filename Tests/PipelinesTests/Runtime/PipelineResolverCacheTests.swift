import GraphQL
import MariaDB
import Testing
@testable import Pipelines

/// The cached path of `PipelineResolver` for one level's batch, against the suite's database.
@Suite(.enabled(if: TestDatabase.isConfigured, TestDatabase.missing))
struct PipelineResolverCacheTests {
    static let resolvers = """
        Query.order:
          - sql: SELECT id, customer_id FROM orders WHERE id = :id
            params: { id: args.id }
            returns: one

        Order.customer:
          - cache: { ttl: 30s, key: [source.customerId] }
          - sql: SELECT id, name FROM customers WHERE id = :id
            params: { id: source.customerId }
            returns: one

        Query.product:
          - cache: { ttl: 30s, key: "-args.id" }
          - sql: SELECT id, name FROM products WHERE id = :id
            params: { id: args.id }
            returns: one
        """

    func resolve(_ type: String, _ field: String, parents: [GraphQLValue], arguments: [String: GraphQLValue] = [:],
                 cache: ResultCache, recorder: StatementRecorder) async throws -> [FieldOutcome] {
        let project = try await ShopProject.open(suite: "cache", files: [("Resolvers/level.yaml", Self.resolvers)])
        guard case .object(let parentType)? = project.pipelines.schema.types[type] else {
            throw GraphQLError(message: "\(type) is not an object type")
        }
        let resolver = PipelineResolver(
            pipeline: try #require(project.pipelines.pipeline(type: type, field: field)),
            environment: PipelineEnvironment(dataSources: project.dataSources, mode: .development, observer: recorder,
                                             resultCache: cache))
        return try await resolver.resolve(FieldBatch(
            parentType: parentType, field: try #require(parentType.fields[field]), responseKey: field,
            arguments: arguments, parents: parents, context: RequestContext(), depth: 1))
    }

    @Test func parentsWithEqualKeysShareOneRun() async throws {
        let cache = ResultCache()
        let recorder = StatementRecorder()
        let parents: [GraphQLValue] = [["customerId": 2], ["customerId": 1], ["customerId": 2], ["customerId": 1]]
        let grace: GraphQLValue = ["id": "1", "name": "Grace Lovelace"]
        let alan: GraphQLValue = ["id": "2", "name": "Alan Lovelace"]
        let outcomes = try await resolve("Order", "customer", parents: parents, cache: cache, recorder: recorder)
        #expect(outcomes == [.value(alan), .value(grace), .value(alan), .value(grace)])
        // The step runs per parent, but only for the two distinct keys.
        #expect(recorder.recorded.map(\.binds) == [[.int(2)], [.int(1)]])
        #expect(cache.statistics == ResultCache.Statistics(hits: 0, misses: 4, entries: 2))
        let again = try await resolve("Order", "customer", parents: [["customerId": 1], ["customerId": 3]],
                                      cache: cache, recorder: recorder)
        #expect(again.first == .value(grace))
        #expect(recorder.recorded.map(\.binds) == [[.int(2)], [.int(1)], [.int(3)]])
    }

    @Test func aKeyThatFailsToEvaluateRunsUncached() async throws {
        let cache = ResultCache()
        let recorder = StatementRecorder()
        for _ in 0..<2 {
            let outcomes = try await resolve("Query", "product", parents: [.null], arguments: ["id": "3"],
                                             cache: cache, recorder: recorder)
            #expect(outcomes == [.value(["id": "3", "name": "Granite Kettle"])])
        }
        #expect(recorder.recorded.count == 2)
        #expect(cache.statistics == ResultCache.Statistics(hits: 0, misses: 2, entries: 0))
    }
}
