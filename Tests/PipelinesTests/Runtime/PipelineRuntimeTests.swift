import GraphQL
import MariaDB
import Testing
@testable import Pipelines

@Suite(.enabled(if: TestDatabase.isConfigured, TestDatabase.missing))
struct PipelineRuntimeTests {
    let suite = "reads"

    @Test func oneRowConvertsToTheFieldsTypes() async throws {
        let project = try await ShopProject.open(suite: suite)
        let customer = try await project.resolve("Query.customer", args: ["id": "1"]).get()
        #expect(customer == [
            "id": "1", "name": "Grace Lovelace", "email": "customer1@example.com",
            "createdAt": "2024-01-01T09:00:07.000000Z",
        ])
        let product = try await project.resolve("Query.product", args: ["id": "3"]).get()
        #expect(product == ["id": "3", "sku": "SKU-00003", "name": "Granite Kettle", "category": "stationery",
                            "price": "16.09", "stock": 39])
        #expect(try await project.resolve("Query.customer", args: ["id": "999999"]).get() == .null)
    }

    @Test func batchRunsOneStatementPerLevelInParentOrder() async throws {
        let project = try await ShopProject.open(suite: suite)
        let recorder = StatementRecorder()
        let pipeline = try #require(project.pipelines["Customer.orders"])
        let parents: [GraphQLValue] = [["id": "3"], ["id": "1"], ["id": "999999"], ["id": "3"], ["id": .null]]
        let results = await pipeline.resolve(parents: parents, arguments: ["first": 2],
                                             context: project.context(observer: recorder))
        #expect(recorder.recorded.count == 1)
        #expect(recorder.recorded.first?.binds.prefix(2) == [.string("3"), .string("1")])
        let lists = try results.map { try $0.get() }
        for (parent, list) in zip(parents, lists) {
            guard case .string(let id)? = parent["id"] else {
                #expect(list == [])
                continue
            }
            let expected = try await project.dataSources["main"]!.query(
                "SELECT id FROM orders WHERE customer_id = ? ORDER BY created_at DESC, id DESC LIMIT 2", [.string(id)])
            let ids = expected.rows.map { GraphQLValue.string($0.values[0].description) }
            guard case .list(let orders) = list else { throw GraphQLError(message: "not a list") }
            #expect(orders.map { $0["id"] ?? .null } == ids, "customer \(id)")
        }
        #expect(lists[2] == [])
        #expect(lists[0] == lists[3])
    }

    @Test func batchWithoutKeysRunsNothing() async throws {
        let project = try await ShopProject.open(suite: suite)
        let recorder = StatementRecorder()
        let pipeline = try #require(project.pipelines["Order.items"])
        let results = await pipeline.resolve(parents: [["id": .null], ["name": "x"]], arguments: [:],
                                             context: project.context(observer: recorder))
        #expect(try results.map { try $0.get() } == [[], []])
        #expect(recorder.recorded.isEmpty)
    }

    @Test func batchOneToOneRoutesByColumn() async throws {
        let project = try await ShopProject.open(suite: suite)
        let recorder = StatementRecorder()
        let pipeline = try #require(project.pipelines["Order.customer"])
        let results = await pipeline.resolve(parents: [["customerId": 2], ["customerId": 1], ["customerId": 2]],
                                             arguments: [:], context: project.context(observer: recorder))
        let names = try results.map { try $0.get()["name"] ?? .null }
        #expect(names == ["Alan Lovelace", "Grace Lovelace", "Alan Lovelace"])
        #expect(recorder.recorded.map(\.sql) == ["SELECT id, name, email, created_at FROM customers WHERE id IN (?, ?)"])
    }

    @Test func validateNamesTheArgument() async throws {
        let project = try await ShopProject.open(suite: suite)
        let error = try #require(await project.resolve("Query.customers", args: ["first": 0]).failure)
        #expect(error.message == "argument 'first' must be at least 1, got 0")
        #expect(error.extensions == [
            "code": "BAD_USER_INPUT", "argument": "first", "pipeline": "Query.customers",
            "step": ["index": "1", "kind": "validate"], "definedAt": "Resolvers/shop.yaml:10",
        ])
    }

    @Test func guardStopsWithItsCode() async throws {
        let project = try await ShopProject.open(suite: suite)
        let error = try #require(await project.resolve("Mutation.cancelOrder", args: ["id": "1"]).failure)
        #expect(error.message == "sign in to cancel an order")
        #expect(error.extensions["code"] == "UNAUTHENTICATED")
        #expect(error.extensions["step"] == ["index": "1", "kind": "guard"])
    }

    @Test func connectionPagesThroughSubPipelines() async throws {
        let project = try await ShopProject.open(suite: suite)
        let executor = project.pipelines.executor(PipelineEnvironment(dataSources: project.dataSources,
                                                                      mode: .development))
        let result = await executor.execute(Executor.Request(query: """
            { customers(first: 2, after: "Y3VzdG9tZXI6MTA=") { edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }
            """))
        #expect(result.json == #"{"data":{"customers":{"edges":[{"cursor":"Y3VzdG9tZXI6MTE=","node":{"name":"Tony Lovelace"}},"#
            + #"{"cursor":"Y3VzdG9tZXI6MTI=","node":{"name":"Ada Hopper"}}],"#
            + #""pageInfo":{"hasNextPage":true,"endCursor":"Y3VzdG9tZXI6MTI="}}}}"#)
    }

    @Test func searchReturnsBothKindsWithTypename() async throws {
        let project = try await ShopProject.open(suite: suite)
        let found = try await project.resolve("Query.search", args: ["text": "Walnut Kettle", "first": 2]).get()
        guard case .list(let items) = found else { throw GraphQLError(message: "not a list") }
        #expect(items.map { $0["__typename"] ?? .null } == ["Product", "Product"])
        #expect(items.first?["name"] == "Walnut Kettle")
    }

    @Test func paymentsCarryTheirConcreteType() async throws {
        let project = try await ShopProject.open(suite: suite)
        let pipeline = try #require(project.pipelines["Order.payments"])
        let results = await pipeline.resolve(parents: [["id": 7], ["id": 2]], arguments: [:],
                                             context: project.context())
        let payments = try results.map { try $0.get() }
        #expect(payments[0][0]?["__typename"] == "BankTransferPayment" || payments[0] == [])
        #expect(payments[0] == [] || payments[0][0]?["reference"] == "TRX-7")
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

extension GraphQLValue {
    subscript(index: Int) -> GraphQLValue? {
        if case .list(let items) = self, items.indices.contains(index) { return items[index] }
        return nil
    }
}
