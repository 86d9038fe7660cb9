import GraphQL
import Testing
@testable import Pipelines

/// The whole operation through the executor and the demo's pipelines.
@Suite(.enabled(if: TestDatabase.isConfigured, TestDatabase.missing))
struct PipelineExecutionTests {
    let suite = "reads"

    static let nested = """
        { customers(first: 50) { edges { node { orders(first: 5) { items { product { name } } } } } } }
        """

    @Test func nestedQueryRunsExactlyFourStatements() async throws {
        let project = try await ShopProject.open(suite: suite)
        let recorder = StatementRecorder()
        let executor = project.pipelines.executor(PipelineEnvironment(
            dataSources: project.dataSources, mode: .development, observer: recorder))
        let result = await executor.execute(Executor.Request(query: Self.nested))
        #expect(result.errors.isEmpty)
        #expect(recorder.recorded.count == 4)
        #expect(recorder.recorded.map(\.pipeline) == ["CustomerConnection.edges", "Customer.orders", "Order.items",
                                                      "OrderItem.product"])
        #expect(result.json.hasPrefix(#"{"data":{"customers":{"edges":[{"node":{"orders":[{"items":[{"product":{"name":"#))
        let response = try #require(JSONText.decode(result.json))
        guard case .list(let edges)? = response["data"]?["customers"]?["edges"] else {
            throw GraphQLError(message: "no edges")
        }
        #expect(edges.count == 50)
        var orders = 0
        var items = 0
        for edge in edges {
            guard case .list(let list)? = edge["node"]?["orders"] else { continue }
            orders += list.count
            for order in list {
                if case .list(let lines)? = order["items"] { items += lines.count }
            }
        }
        let expected = try await project.scalar("""
            SELECT CAST(COUNT(*) AS CHAR) FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY customer_id
            ORDER BY created_at DESC, id DESC) AS r FROM orders WHERE customer_id <= 50) AS o WHERE r <= 5
            """)
        let expectedItems = try await project.scalar("""
            SELECT CAST(COUNT(*) AS CHAR) FROM order_items WHERE order_id IN (SELECT id FROM (SELECT id,
            ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY created_at DESC, id DESC) AS r FROM orders
            WHERE customer_id <= 50) AS o WHERE r <= 5)
            """)
        #expect(expected == .string(String(orders)))
        #expect(expectedItems == .string(String(items)))
    }

    @Test func fieldsResolveByNameAndAbstractTypesByTypename() async throws {
        let project = try await ShopProject.open(suite: suite)
        let executor = project.pipelines.executor(PipelineEnvironment(dataSources: project.dataSources,
                                                                      mode: .development))
        let result = await executor.execute(Executor.Request(query: """
            { order(id: "7") { id status customer { name } payments { __typename amount
                ... on BankTransferPayment { reference } ... on CardPayment { cardLast4 } } } }
            """))
        let total = try await project.scalar("SELECT total FROM orders WHERE id = 7").description
        let status = try await project.scalar("SELECT status FROM orders WHERE id = 7").description
        let owner = try await project.scalar(
            "SELECT c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = 7").description
        let payments = status == "NEW" || status == "CANCELLED" ? "[]"
            : #"[{"__typename":"BankTransferPayment","amount":"\#(total)","reference":"TRX-7"}]"#
        #expect(result.json == #"{"data":{"order":{"id":"7","status":"\#(status)","customer":{"name":"\#(owner)"},"#
            + #""payments":\#(payments)}}}"#)
    }

    @Test func pipelineErrorsReachTheResponseWithTheirOrigin() async throws {
        let project = try await ShopProject.open(suite: suite)
        let executor = project.pipelines.executor(PipelineEnvironment(dataSources: project.dataSources,
                                                                      mode: .production))
        let result = await executor.execute(Executor.Request(query: "{ customers(first: 500) { pageInfo { hasNextPage } } }"))
        #expect(result.json == #"{"errors":[{"message":"argument 'first' must be at most 100, got 500","#
            + #""locations":[{"line":1,"column":3}],"path":["customers"],"extensions":{"code":"BAD_USER_INPUT","#
            + #""argument":"first","definedAt":"Resolvers/shop.yaml:10","pipeline":"Query.customers","#
            + #""step":{"index":"1","kind":"validate"}}}],"data":null}"#)
    }
}
