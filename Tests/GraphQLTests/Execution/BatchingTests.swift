import Testing
@testable import GraphQL

/// One resolver call serves every parent of an execution level.
@Suite struct BatchingTests {
    static let sdl = """
        type Query { customers(first: Int = 10): [Customer!]! }
        type Customer { id: ID!, orders(first: Int): [Order!]!, vip: Boolean }
        type Order { id: ID!, customer: Customer!, total: Int }
        """

    static let schema: Schema = {
        do {
            return try Schema(sdl: sdl, name: "batching.graphql")
        } catch {
            fatalError("batching schema does not build: \(error)")
        }
    }()

    /// Customers 0..<count; each has two orders; each order points back at its customer.
    static func executor(_ counter: Counter, count: Int) -> Executor {
        Executor(schema: schema, resolvers: Resolvers(fields: [
            "Query.customers": ClosureResolver { batch in
                await counter.record("customers")
                guard case .int(let first)? = batch.arguments["first"] else { throw FieldError("first") }
                return [.value(.list((0..<min(first, count)).map { ["id": .int($0)] }))]
            },
            "Customer.orders": ClosureResolver { batch in
                await counter.record("orders \(batch.parents.count) first=\(batch.arguments["first"] ?? .null)")
                return batch.parents.map { parent in
                    guard case .int(let id)? = parent["id"] else { return .error(FieldError("no id")) }
                    return .value([["id": .int(id * 10), "customer": .int(id)], ["id": .int(id * 10 + 1), "customer": .int(id)]])
                }
            },
            "Order.customer": ClosureResolver { batch in
                await counter.record("customer \(batch.parents.count)")
                return batch.parents.map { .value(["id": $0["customer"] ?? .null, "vip": true]) }
            },
        ]))
    }

    @Test func aThousandParentsCallEachResolverOncePerLevel() async throws {
        let counter = Counter()
        let query = "{ customers(first: 1000) { id orders(first: 2) { id customer { id vip } } } }"
        let result = await Self.executor(counter, count: 1_000).execute(.init(query: query))
        #expect(result.errors.isEmpty)
        #expect(await counter.log == ["customers", "orders 1000 first=2", "customer 2000"])
        var parser = JSONValueParser(result.json)
        let data = try parser.parse()
        guard case .list(let customers)? = data["data"]?["customers"] else {
            Issue.record("no customers")
            return
        }
        #expect(customers.count == 1_000)
        #expect(customers[999] == ["id": "999", "orders": [
            ["id": "9990", "customer": ["id": "999", "vip": true]],
            ["id": "9991", "customer": ["id": "999", "vip": true]],
        ]])
    }

    @Test func theSameFieldThroughFragmentsAndAliasesIsGroupedByFieldNodes() async {
        let counter = Counter()
        let query = """
            { customers(first: 3) { ...O again: orders(first: 1) { id } } }
            fragment O on Customer { orders(first: 5) { id } }
            """
        let result = await Self.executor(counter, count: 3).execute(.init(query: query))
        #expect(result.errors.isEmpty)
        #expect(await counter.log.sorted() == ["customers", "orders 3 first=1", "orders 3 first=5"])
    }

    @Test func perParentErrorsAndValuesKeepParentOrder() async {
        let executor = Executor(schema: Self.schema, resolvers: Resolvers(fields: [
            "Query.customers": ClosureResolver { _ in [.value([["id": 1], ["id": 2], ["id": 3]])] },
            "Customer.vip": ClosureResolver { batch in
                batch.parents.map { parent in
                    parent["id"] == 2 ? .error(FieldError("hidden", code: "FORBIDDEN")) : .value(.bool(parent["id"] == 3))
                }
            },
        ]))
        let result = await executor.execute(.init(query: "{ customers { id vip } }"))
        #expect(result.json == #"{"errors":[{"message":"hidden","locations":[{"line":1,"column":18}],"#
            + #""path":["customers",1,"vip"],"extensions":{"code":"FORBIDDEN"}}],"#
            + #""data":{"customers":[{"id":"1","vip":false},{"id":"2","vip":null},{"id":"3","vip":true}]}}"#)
    }

    @Test func thrownErrorsAndWrongCountsFailEveryParent() async {
        struct Broken: Error, CustomStringConvertible { var description: String { "connection lost" } }
        let executor = Executor(schema: Self.schema, resolvers: Resolvers(fields: [
            "Query.customers": ClosureResolver { _ in [.value([["id": 1], ["id": 2]])] },
            "Customer.vip": ClosureResolver { _ in throw Broken() },
            "Customer.orders": ClosureResolver { _ in [.value([])] },
        ]))
        let result = await executor.execute(.init(query: "{ customers { vip } }"))
        #expect(result.errors.map(\.message) == ["connection lost", "connection lost"])
        #expect(result.errors.map(\.path) == [["customers", 0, "vip"], ["customers", 1, "vip"]])
        let counted = await executor.execute(.init(query: "{ customers { orders { id } } }"))
        #expect(counted.errors.first?.message == "The resolver of Customer.orders returned 1 results for 2 parents.")
        #expect(counted.json.hasSuffix(#""data":null}"#))
    }

    @Test func resolversReceiveTheRequestContext() async {
        let seen = Counter()
        let executor = Executor(schema: Self.schema, resolvers: Resolvers(fields: [
            "Query.customers": ClosureResolver { batch in
                await seen.record("\(batch.context.requestID) \(batch.context.identity) \(batch.context.headers)")
                return [.value([])]
            },
        ]))
        let context = RequestContext(identity: ["sub": "u1"], headers: ["x-tenant": "t"], requestID: "req-1")
        _ = await executor.execute(.init(query: "{ customers { id } }"), context: context)
        #expect(await seen.log == [#"req-1 { sub: "u1" } ["x-tenant": "t"]"#])
    }

    @Test func aPassedDeadlineFailsPendingFieldsWithoutCallingResolvers() async {
        let counter = Counter()
        let context = RequestContext(deadline: .now - .seconds(1))
        let result = await Self.executor(counter, count: 2).execute(.init(query: "{ customers { id } }"), context: context)
        #expect(result.json == #"{"errors":[{"message":"The request ran past its deadline.","#
            + #""locations":[{"line":1,"column":3}],"path":["customers"],"extensions":{"code":"DEADLINE_EXCEEDED"}}],"#
            + #""data":null}"#)
        #expect(await counter.log.isEmpty)
    }

    @Test func aCancelledRequestCallsNoMoreResolvers() async {
        let counter = Counter()
        let executor = Self.executor(counter, count: 2)
        let result = await Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await executor.execute(.init(query: "{ customers { id } }"))
        }.value
        #expect(result.errors.map(\.message) == ["The request was cancelled."])
        #expect(result.errors.first?.extensions["code"] == "REQUEST_CANCELLED")
        #expect(await counter.log.isEmpty)
    }

    @Test func groupsOfOneLevelRunConcurrently() async {
        // Two resolvers of the same level wait for each other: this only finishes if both run at once.
        let gate = Gate()
        let executor = Executor(schema: Self.schema, resolvers: Resolvers(fields: [
            "Query.customers": ClosureResolver { _ in [.value([["id": 1]])] },
            "Customer.vip": ClosureResolver { _ in
                await gate.arrive()
                return [.value(true)]
            },
            "Customer.orders": ClosureResolver { _ in
                await gate.arrive()
                return [.value([])]
            },
        ]))
        let result = await executor.execute(.init(query: "{ customers { vip orders { id } } }"))
        #expect(result.json == #"{"data":{"customers":[{"vip":true,"orders":[]}]}}"#)
    }
}

/// Lets two tasks through once both have arrived.
actor Gate {
    private var waiting: CheckedContinuation<Void, Never>?

    func arrive() async {
        if let waiting {
            self.waiting = nil
            waiting.resume()
            return
        }
        await withCheckedContinuation { waiting = $0 }
    }
}
