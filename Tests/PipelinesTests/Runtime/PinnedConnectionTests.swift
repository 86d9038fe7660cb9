import GraphQL
import MariaDB
import Testing
@testable import Pipelines

/// An operation run under `withPinnedConnection` sends its statements down one connection, and
/// falls back to the pool when none is idle or the pinned one is busy.
@Suite(.enabled(if: TestDatabase.isConfigured, TestDatabase.missing))
struct PinnedConnectionTests {
    let suite = "reads"

    /// Every statement reports the server thread that ran it, in a text field of its level.
    static let resolvers = """
        Query.customer:
          - sql: SELECT id, name, CAST(CONNECTION_ID() AS CHAR) AS email FROM customers WHERE id = :id
            params: { id: args.id }
            returns: one

        Customer.orders:
          - sql: |
              SELECT id, customer_id, status, created_at, CONNECTION_ID() AS total FROM orders
              WHERE customer_id IN (:keys) ORDER BY id
            batch: { key: source.id, column: customer_id, limit: args.first }

        Order.items:
          - sql: SELECT id, order_id, quantity, CONNECTION_ID() AS unit_price FROM order_items WHERE order_id IN (:keys)
            batch: { key: source.id, column: order_id }

        Order.payments:
          - sql: |
              SELECT id, order_id, amount, CAST(CONNECTION_ID() AS CHAR) AS reference,
                     'BankTransferPayment' AS __typename
              FROM payments WHERE order_id IN (:keys)
            batch: { key: source.id, column: order_id }
        """

    static let query = "{ customer(id: 2) { email orders(first: 3) { total } } }"

    /// The project, its executor, and its main pool with one connection opened and idle.
    func open() async throws -> (project: ShopProject, executor: Executor, pool: ConnectionPool) {
        let project = try await ShopProject.open(suite: suite, files: [("Resolvers/pinned.yaml", Self.resolvers)])
        let executor = project.pipelines.executor(PipelineEnvironment(dataSources: project.dataSources,
                                                                      mode: .development))
        let pool = try #require(project.dataSources["main"])
        _ = try await pool.query("SELECT 1")
        return (project, executor, pool)
    }

    /// The server threads that answered the customer and each of its orders.
    static func threads(_ result: ExecutionResult) throws -> (customer: String, orders: [String]) {
        let response = try #require(JSONText.decode(result.json))
        let customer = try #require(response["data"]?["customer"])
        guard case .string(let email)? = customer["email"], case .list(let orders)? = customer["orders"] else {
            throw GraphQLError(message: "unexpected response \(result.json)")
        }
        return (email, orders.compactMap { if case .string(let total)? = $0["total"] { total } else { nil } })
    }

    /// The pinned connection is leased for the whole operation, so a statement that reports its
    /// server thread ran there and nowhere else.
    @Test func everyLevelRunsOnThePinnedConnection() async throws {
        let (project, executor, pool) = try await open()
        let (pinned, result) = await project.dataSources.withPinnedConnection { _ in
            (PinnedConnection.current?.reservation.connection.serverThreadID,
             await executor.execute(Executor.Request(query: Self.query)))
        }
        #expect(result.errors.isEmpty, "\(result.errors)")
        let threads = try Self.threads(result)
        #expect(threads.customer == pinned.map(String.init))
        #expect(!threads.orders.isEmpty)
        #expect(threads.orders.allSatisfy { $0 == threads.customer })
        #expect(pool.counts.inUse == 0)
    }

    @Test func withNoIdleConnectionTheOperationRunsOnThePool() async throws {
        let (project, executor, pool) = try await open()
        let (held, pinned, result) = try await pool.withConnection { connection in
            await project.dataSources.withPinnedConnection { _ in
                (connection.serverThreadID, PinnedConnection.current,
                 await executor.execute(Executor.Request(query: Self.query)))
            }
        }
        #expect(pinned == nil)
        #expect(result.errors.isEmpty, "\(result.errors)")
        let threads = try Self.threads(result)
        #expect(threads.customer != String(held))
        #expect(!threads.orders.isEmpty)
    }

    /// Sibling fields of a level run at once: one on the pinned connection, the other on the pool.
    @Test func siblingFieldsStillRunTogether() async throws {
        let (project, executor, _) = try await open()
        let result = await project.dataSources.withPinnedConnection { _ in
            await executor.execute(Executor.Request(query: """
                { customer(id: 2) { orders(first: 3) {
                    items { unitPrice } payments { ... on BankTransferPayment { reference } } } } }
                """))
        }
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.json.contains("unitPrice"))
        #expect(result.json.contains("reference"))
    }

    /// A transaction in a query operation gives the kept connection back before it waits for its
    /// own: with a pool of one, it would otherwise wait for itself until the acquire timeout.
    @Test func aTransactionGivesTheKeptConnectionBackFirst() async throws {
        let project = try await ShopProject.open(suite: suite, files: [("Resolvers/pinned.yaml", """
            Query.customer:
              - transaction:
                  - sql: SELECT id, name FROM customers WHERE id = :id
                    params: { id: args.id }
                    returns: one
            """)])
        let configuration = try await ShopDatabase.shared.configuration(for: suite)
        let pool = ConnectionPool(configuration: configuration, size: 1, acquireTimeout: .milliseconds(500),
                                  logger: TestDatabase.logger)
        let sources = DataSources(pools: ["main": pool])
        let executor = project.pipelines.executor(PipelineEnvironment(dataSources: sources, mode: .development))
        _ = try await pool.query("SELECT 1")
        let (kept, result) = await sources.withPinnedConnection { _ in
            (PinnedConnection.current != nil, await executor.execute(Executor.Request(query: "{ customer(id: 2) { name } }")))
        }
        #expect(kept)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.json.contains("\"name\""))
        #expect(pool.counts.inUse == 0)
        await sources.close()
    }
}
