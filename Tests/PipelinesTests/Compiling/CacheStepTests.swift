import GraphQL
import Testing
@testable import Pipelines

/// The `cache` step as loading sees it: what compiles, and every mistake with its exact position.
@Suite struct CacheStepTests {
    static let product = """
          - sql: SELECT id, sku, name, category, price, stock FROM products WHERE id = :id
            params: { id: args.id }
            returns: one
        """

    @Test func compilesTheCacheStepApartFromTheSteps() throws {
        let set = try ShopProject.pipelines([("r.yaml", """
            Query.product:
              - cache: { ttl: 30s, key: [args.id] }
            \(Self.product)
            Query.order:
              - cache:
                  ttl: 2.5
                  key: args.id
              - sql: SELECT id, customer_id, status, total, created_at FROM orders WHERE id = :id
                params: { id: args.id }
                returns: one
            """)])
        let product = try #require(set["Query.product"])
        let cache = try #require(product.cache)
        #expect(cache.ttl == .seconds(30))
        #expect(cache.keyTexts == ["args.id"])
        #expect(cache.location == FileLocation(file: "r.yaml", line: 2, column: 5))
        #expect(product.steps.map(\.index) == ["2"])
        #expect(product.steps.map(\.kind) == [.sql])
        let order = try #require(set["Query.order"]?.cache)
        #expect(order.ttl == .milliseconds(2_500))
        #expect(order.keyTexts == ["args.id"])
        #expect(set["Query.customer"] == nil)
        #expect(set.warnings.isEmpty)
    }

    @Test func callerAndParentReadsInTheKeyLoad() throws {
        let set = try ShopProject.pipelines([("r.yaml", """
            Query.order:
              - cache: { ttl: 1m, key: [args.id, identity.sub] }
              - sql: SELECT id, customer_id, status, total, created_at FROM orders WHERE id = :id AND customer_id = :me
                params: { id: args.id, me: identity.sub }
                returns: one
            Customer.orders:
              - cache: { ttl: 1m, key: [source.id, args.first, args.status] }
              - sql: SELECT id, customer_id, status, total, created_at FROM orders WHERE customer_id IN (:keys)
                batch: { key: source.id, column: customer_id }
            Order.payments:
              - cache: { ttl: 1h, key: [] }
              - value: []
            """)])
        #expect(set["Query.order"]?.cache?.keyTexts == ["args.id", "identity.sub"])
        #expect(set["Customer.orders"]?.cache?.keyTexts == ["source.id", "args.first", "args.status"])
        // A nested pipeline that reads nothing of its parent may share one entry between parents.
        #expect(set["Order.payments"]?.cache?.keyTexts == [])
        #expect(set.warnings.isEmpty)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let yaml: String
        let errors: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "not the first step", yaml: """
            Query.product:
            \(product)
              - cache: { ttl: 30s, key: [args.id] }
            """, errors: ["r.yaml:5:5: cache must be the first step of Query.product, not step 2: it decides "
                          + "whether the steps after it run"]),
        Case(name: "a second cache step", yaml: """
            Query.product:
              - cache: { ttl: 30s, key: [args.id] }
              - cache: { ttl: 60s, key: [args.id] }
            \(product)
            """, errors: ["r.yaml:3:5: step 2 is a second cache step; a pipeline has one, as its first step"]),
        Case(name: "inside a transaction", yaml: """
            Query.product:
              - transaction:
                  - cache: { ttl: 30s, key: [args.id] }
            \(product)
            """, errors: ["r.yaml:3:9: cache must be the first step of Query.product, not step 1.1: it decides "
                          + "whether the steps after it run"]),
        Case(name: "on a mutation", yaml: """
            Mutation.cancelOrder:
              - cache: { ttl: 30s, key: [args.id, identity.sub] }
              - return: null
            """, errors: ["r.yaml:2:5: Mutation.cancelOrder is a mutation field and cannot have a cache: it must run "
                          + "on every call; cache the query fields that read what it changes"]),
        Case(name: "missing ttl", yaml: """
            Query.product:
              - cache: { key: [args.id] }
            \(product)
            """, errors: ["r.yaml:2:12: cache needs `ttl:`, how long a result is kept (e.g. 30s)"]),
        Case(name: "zero ttl", yaml: """
            Query.product:
              - cache: { ttl: 0, key: [args.id] }
            \(product)
            """, errors: ["r.yaml:2:19: cache.ttl must be a duration above 0 such as 30s, 5m, 1h or 250ms (a bare "
                          + "number is seconds), found '0'"]),
        Case(name: "negative ttl", yaml: """
            Query.product:
              - cache: { ttl: -5s, key: [args.id] }
            \(product)
            """, errors: ["r.yaml:2:19: cache.ttl must be a duration above 0 such as 30s, 5m, 1h or 250ms (a bare "
                          + "number is seconds), found '-5s'"]),
        Case(name: "ttl in words", yaml: """
            Query.product:
              - cache: { ttl: "half a minute", key: [args.id] }
            \(product)
            """, errors: ["r.yaml:2:19: cache.ttl must be a duration above 0 such as 30s, 5m, 1h or 250ms (a bare "
                          + "number is seconds), found 'half a minute'"]),
        Case(name: "ttl not a scalar", yaml: """
            Query.product:
              - cache: { ttl: [30s], key: [args.id] }
            \(product)
            """, errors: ["r.yaml:2:19: cache.ttl must be a scalar, found a list"]),
        Case(name: "missing key", yaml: """
            Query.product:
              - cache: { ttl: 30s }
            \(product)
            """, errors: ["r.yaml:2:12: cache needs `key:`, the values results differ by (e.g. [args.id], or [] when "
                          + "nothing)"]),
        Case(name: "key a mapping", yaml: """
            Query.product:
              - cache: { ttl: 30s, key: { id: args.id } }
            \(product)
            """, errors: ["r.yaml:2:29: cache.key must be an expression or a list of expressions, found a mapping"]),
        Case(name: "cache not a mapping", yaml: """
            Query.product:
              - cache: 30s
            \(product)
            """, errors: ["r.yaml:2:12: cache must be a mapping with ttl and key, found a scalar"]),
        Case(name: "unknown keys inside cache and beside it", yaml: """
            Query.product:
              - cache: { ttl: 30s, key: [args.id], scope: user }
                when: args.id != null
            \(product)
            """, errors: ["r.yaml:2:40: unknown key 'scope' in cache (it takes ttl, key)",
                          "r.yaml:3:5: unknown key 'when' in a cache step (it takes only cache)"]),
        Case(name: "several mistakes at once", yaml: """
            Query.product:
              - cache: { ttel: 30s }
            \(product)
            """, errors: ["r.yaml:2:12: cache needs `ttl:`, how long a result is kept (e.g. 30s)",
                          "r.yaml:2:12: cache needs `key:`, the values results differ by (e.g. [args.id], or [] when "
                          + "nothing)",
                          "r.yaml:2:14: unknown key 'ttel' in cache (it takes ttl, key)"]),
        Case(name: "unknown argument in the key", yaml: """
            Query.product:
              - cache: { ttl: 30s, key: [args.ident] }
            \(product)
            """, errors: ["r.yaml:2:30: unknown argument 'ident' of Query.product (it has id)"]),
        Case(name: "syntax error in the key", yaml: """
            Query.product:
              - cache: { ttl: 30s, key: "args.id ==" }
            \(product)
            """, errors: ["r.yaml:2:40: expected a value, found end of expression in expression `args.id ==`"]),
        Case(name: "key reads prev and the stash", yaml: """
            Query.product:
              - cache: { ttl: 30s, key: [prev.id, stash.found] }
            \(product)
            """, errors: ["r.yaml:2:30: a cache key is read before any step runs, so prev is always null there; key "
                          + "on args, source, identity or headers",
                          "r.yaml:2:39: nothing is stored as 'found' before this step (steps store results with "
                          + "`as`)"]),
        Case(name: "only a cache step", yaml: """
            Query.product:
              - cache: { ttl: 30s, key: [args.id] }
            """, errors: ["r.yaml:2:5: a cache step needs the steps whose result it keeps after it"]),
        Case(name: "steps read identity, the key does not", yaml: """
            Query.order:
              - cache: { ttl: 30s, key: [args.id] }
              - sql: SELECT id, customer_id, status, total, created_at FROM orders WHERE id = :id AND customer_id = :me
                params: { id: args.id, me: identity.sub }
                returns: one
            """, errors: ["r.yaml:2:29: step 2 reads identity.sub, but the cache key reads no identity: one caller's "
                          + "result would be served to another; add identity.sub to the key"]),
        Case(name: "a guard reads identity inside a transaction", yaml: """
            Query.order:
              - cache: { ttl: 30s, key: args.id }
              - transaction:
                  - guard: "'staff' in identity.roles"
              - sql: SELECT id, customer_id, status, total, created_at FROM orders WHERE id = :id
                params: { id: args.id }
                returns: one
            """, errors: ["r.yaml:2:29: step 2.1 reads identity.roles, but the cache key reads no identity: one "
                          + "caller's result would be served to another; add identity.roles to the key"]),
        Case(name: "steps read headers, the key does not", yaml: """
            Query.product:
              - cache: { ttl: 30s, key: [args.id, identity.sub] }
              - guard: headers.tenant == 'acme'
            \(product)
            """, errors: ["r.yaml:2:29: step 2 reads headers.tenant, but the cache key reads no headers: a result "
                          + "computed for one caller's headers would be served to callers who send others; add "
                          + "headers.tenant to the key"]),
        Case(name: "a nested field reads its parent, the key does not", yaml: """
            Customer.orders:
              - cache: { ttl: 30s, key: [args.first, args.status] }
              - sql: SELECT id, customer_id, status, total, created_at FROM orders WHERE customer_id IN (:keys)
                batch: { key: source.id, column: customer_id }
            """, errors: ["r.yaml:2:29: step 2 reads source.id, but the cache key reads no source: every Customer "
                          + "would share one entry; add source.id to the key"]),
    ]

    @Test(arguments: cases)
    func loadErrors(_ test: Case) throws {
        #expect(try ShopProject.loadErrors(test.yaml) == test.errors)
    }

    @Test func aSubscriptionFieldCannotHaveACache() throws {
        let schema = try Schema(sdl: """
            type Query { price(id: ID!): Int }
            type Subscription { priceChanged(id: ID!): Int }
            """, name: "s.graphql")
        var builder = PipelineBuilder(schema: schema, config: ShopProject.config())
        builder.add("Subscription.priceChanged:\n  - cache: { ttl: 5s, key: args.id }\n  - value: 1\n", file: "r.yaml")
        #expect(throws: LoadError.self) { try builder.build() }
        do {
            _ = try builder.build()
        } catch {
            #expect(error.description == "r.yaml:2:5: Subscription.priceChanged is a subscription field and cannot "
                    + "have a cache: it runs for every event; cache the query fields that read what it changes")
        }
    }

    @Test func checkWarnsOfKeysThatNeverRepeatAndOfSkippedWrites() throws {
        let set = try ShopProject.pipelines([("r.yaml", """
            Query.product:
              - cache: { ttl: 30s, key: [args.id, uuid()] }
              - enqueue: { queue: product-views, payload: { id: args.id } }
            \(Self.product)
            """)])
        let expected = [
            "r.yaml:2:39: warning: the cache key calls uuid(), which differs on every call, so the cache never answers",
            "r.yaml:3:5: warning: step 2 enqueues a message on product-views, and a cache hit of Query.product "
                + "skips it",
        ]
        #expect(set.warnings.map(\.description) == expected)
        let report = ProjectChecker(pipelines: set).staticProblems().filter { $0.location?.file == "r.yaml" }
        #expect(report.map(\.description) == expected)
    }
}
