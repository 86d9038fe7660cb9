import GraphQL
import MariaDB
import Testing
@testable import Pipelines

@Suite(.enabled(if: TestDatabase.isConfigured, TestDatabase.missing), .serialized)
struct PipelineMutationTests {
    let suite = "writes"

    func counts(_ project: ShopProject) async throws -> (orders: String, items: String, messages: String) {
        (try await project.scalar("SELECT COUNT(*) FROM orders").description,
         try await project.scalar("SELECT COUNT(*) FROM order_items").description,
         try await project.scalar("SELECT COUNT(*) FROM sluice_jobs").description)
    }

    @Test func placeOrderCommitsTheOrderItsItemsAndItsMessage() async throws {
        let project = try await ShopProject.open(suite: suite)
        let lines: GraphQLValue = [["productId": "3", "quantity": 2], ["productId": "5", "quantity": 1]]
        let order = try await project.resolve("Mutation.placeOrder", args: ["input": ["lines": lines]],
                                              identity: ["sub": "4"]).get()
        #expect(order["status"] == "NEW")
        let price3 = try await project.scalar("SELECT price FROM products WHERE id = 3").description
        let price5 = try await project.scalar("SELECT price FROM products WHERE id = 5").description
        let expected = try await project.scalar("SELECT CAST(? * 2 + ? AS DECIMAL(12,2))",
                                                [.string(price3), .string(price5)])
        #expect(order["total"] == .string(expected.description))
        guard case .string(let id)? = order["id"] else { throw GraphQLError(message: "no id") }
        let message = try await project.dataSources["main"]!.query(
            "SELECT queue, payload, JSON_VALUE(payload, '$.requestId'), status, attempts, max_attempts FROM sluice_jobs "
                + "WHERE JSON_VALUE(payload, '$.orderId') = ?", [.string(id)])
        let row = try #require(message.rows.first)
        #expect(row.values[0] == .string("order-events"))
        #expect(JSONText.decode(row.values[1].string ?? "") == [
            "type": "order.placed", "orderId": .int(Int(id)!), "customerId": "4", "requestId": "req-test-1",
        ])
        #expect(row.values[2] == .string("req-test-1"))
        #expect(row.values[3] == .string("ready"))
        #expect(row.values[4].int == 0 && row.values[5].int == 25)
    }

    @Test func aFailedGuardInsideTheTransactionLeavesNoRowAndNoMessage() async throws {
        let project = try await ShopProject.open(suite: suite)
        let before = try await counts(project)
        let lines: GraphQLValue = [["productId": "3", "quantity": 1], ["productId": "999999", "quantity": 1]]
        let error = try #require(await project.resolve("Mutation.placeOrder", args: ["input": ["lines": lines]],
                                                       identity: ["sub": "4"]).failure)
        #expect(error.message == "every line needs a known product and a positive quantity")
        #expect(error.extensions["code"] == "BAD_USER_INPUT")
        #expect(error.extensions["transaction"] == "rolled back")
        #expect(error.extensions["step"] == ["index": "3.3", "kind": "guard"])
        #expect(try await counts(project) == before)
    }

    static let failing = """
        Mutation.cancelOrder:
          - transaction:
              - sql: INSERT INTO orders (customer_id, status) VALUES (:customer, 'NEW')
                params: { customer: identity.sub }
                returns: exec
                as: order
              - enqueue:
                  queue: order-events
                  payload: { orderId: order.insertId }
              - sql: INSERT INTO order_items (order_id, product_id, quantity, unit_price) VALUES (:order, 999999, 1, 1)
                params: { order: order.insertId }
                returns: exec
          - return: null
        """

    @Test func aFailedStatementInsideTheTransactionLeavesNoRowAndNoMessage() async throws {
        let project = try await ShopProject.open(suite: suite, files: [("Resolvers/failing.yaml", Self.failing)])
        let before = try await counts(project)
        let error = try #require(await project.resolve("Mutation.cancelOrder", args: ["id": "1"],
                                                       identity: ["sub": "4"]).failure)
        #expect(error.extensions["code"] == "DATABASE_ERROR")
        #expect(error.extensions["errno"] == 1452)
        #expect(error.extensions["sqlState"] == "23000")
        #expect(error.extensions["transaction"] == "rolled back")
        #expect(error.extensions["step"] == ["index": "1.3", "kind": "sql"])
        #expect(error.extensions["definedAt"] == "Resolvers/failing.yaml:10")
        #expect(error.extensions["statement"]
            == "INSERT INTO order_items (order_id, product_id, quantity, unit_price) VALUES (?, 999999, 1, 1)")
        #expect(error.message.hasPrefix("Cannot add or update a child row"))
        #expect(try await counts(project) == before)
    }

    @Test func productionErrorsWithholdDatabaseDetails() async throws {
        let project = try await ShopProject.open(suite: suite, files: [("Resolvers/failing.yaml", Self.failing)])
        let error = try #require(await project.resolve("Mutation.cancelOrder", args: ["id": "1"],
                                                       identity: ["sub": "4"], mode: .production).failure)
        #expect(error.message == "a database error occurred")
        #expect(error.extensions["statement"] == nil)
        #expect(error.extensions["errno"] == 1452)
    }

    @Test func cancelOrderChecksOwnershipInTheTransaction() async throws {
        let project = try await ShopProject.open(suite: suite)
        let owner = try await project.scalar("SELECT customer_id FROM orders WHERE id = 1").description
        let stranger = owner == "5" ? "6" : "5"
        let before = try await counts(project)
        let refused = try #require(await project.resolve("Mutation.cancelOrder", args: ["id": "1"],
                                                         identity: ["sub": .string(stranger)]).failure)
        #expect(refused.extensions["code"] == "NOT_FOUND")
        #expect(try await counts(project) == before)
        let cancelled = try await project.resolve("Mutation.cancelOrder", args: ["id": "1"],
                                                  identity: ["sub": .string(owner)]).get()
        #expect(cancelled["status"] == "CANCELLED")
        #expect(try await counts(project).messages == String(Int(before.messages)! + 1))
    }
}

@Suite(.enabled(if: TestDatabase.isConfigured, TestDatabase.missing))
struct PipelineStepTests {
    let suite = "reads"

    static let steps = """
        Query.customer:
          - value: { id: '0', name: nobody, email: none, createdAt: '2020-01-01T00:00:00.000000Z' }
            when: args.id == '0'
            return: prev
          - sql: SELECT id, name, email, created_at FROM customers WHERE id = :id
            params: { id: args.id }
            returns: one
            as: found
          - return: null
            when: stash.found == null
          - transform: { id: found.id, name: upper(found.name), email: lower(found.email), createdAt: found.createdAt }
        Query.product:
          - sql: SELECT id, 'many' AS stock FROM products WHERE id = :id
            params: { id: args.id }
            returns: one
        Query.products:
          - sql: SELECT COUNT(*) FROM products WHERE category = :category
            params: { category: args.category }
            returns: scalar
            as: total
          - transform: { total: total, category: args.category }
        Query.search:
          - sql: SELECT 'Customer' AS __typename, id, name FROM customers WHERE id IN (1, 2) ORDER BY id
            returns: many
        """

    func project() async throws -> ShopProject {
        try await ShopProject.open(suite: suite, files: [("Resolvers/steps.yaml", Self.steps)])
    }

    @Test func whenReturnAndTransform() async throws {
        let project = try await project()
        #expect(try await project.resolve("Query.customer", args: ["id": "0"]).get()["name"] == "nobody")
        #expect(try await project.resolve("Query.customer", args: ["id": "999999"]).get() == .null)
        #expect(try await project.resolve("Query.customer", args: ["id": "2"]).get() == [
            "id": 2, "name": "ALAN LOVELACE", "email": "customer2@example.com",
            "createdAt": "2024-01-01T10:00:14.000000Z",
        ])
    }

    @Test func anImpossibleConversionIsAFieldErrorWithItsPath() async throws {
        let project = try await project()
        let error = try #require(await project.resolve("Query.product", args: ["id": "1"]).failure)
        #expect(error.message == "cannot convert column 'stock' value \"many\" to Product.stock (Int)")
        #expect(error.path == ["stock"])
        #expect(error.extensions["code"] == "INVALID_RESULT")
    }

    @Test func scalarResultsAndTheStash() async throws {
        let project = try await project()
        let result = try await project.resolve("Query.products", args: ["category": "kitchen"]).get()
        #expect(result == ["total": 80, "category": "kitchen"])
    }

    @Test func dryRunShowsStatementsWithoutRunningThem() async throws {
        let project = try await project()
        let recorder = StatementRecorder()
        let pipeline = try #require(project.pipelines["Query.customer"])
        let result = await pipeline.resolve(parent: .null, arguments: ["id": "5"],
                                            context: project.context(observer: recorder, dryRun: true))
        #expect(try result.get() == .null)
        #expect(recorder.recorded.map(\.binds) == [[.string("5")]])
        #expect(recorder.recorded.allSatisfy { $0.dryRun })
        #expect(recorder.recordedSteps.map(\.status) == [.skipped, .ran, .returned])
    }
}
