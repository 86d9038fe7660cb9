import Foundation
import MariaDB
import Testing
@testable import Pipelines

@Suite struct ProjectCheckerTests {
    static func demo(replacing old: String, with new: String) throws -> String {
        let text = try TestDatabase.text("Resolvers/shop.yaml")
        #expect(text.contains(old))
        return text.replacingOccurrences(of: old, with: new)
    }

    /// The nested customers query with the batch taken off `Customer.orders`.
    static let unbatched = (old: """
              WHERE customer_id IN (:keys) AND (:status IS NULL OR status = :status)
              ORDER BY created_at DESC, id DESC
            params: { status: args.status }
            batch: { key: source.id, column: customer_id, limit: args.first }
        """, new: """
              WHERE customer_id = :customer AND (:status IS NULL OR status = :status)
              ORDER BY created_at DESC, id DESC LIMIT :first
            params: { customer: source.id, status: args.status, first: args.first }
        """)

    @Test func theDemoHasNoProblems() throws {
        let set = try ShopProject.pipelines()
        let report = CheckReport(diagnostics: ProjectChecker(pipelines: set).staticProblems(),
                                 pipelineCount: set.pipelines.count)
        #expect(report.text == "checked 21 pipelines: 0 errors, 0 warnings\n")
    }

    @Test func anUnbatchedStepUnderAListIsAnNPlusOneWarningNamingThePath() throws {
        let text = try Self.demo(replacing: Self.unbatched.old, with: Self.unbatched.new)
        let set = try ShopProject.pipelines([("Resolvers/shop.yaml", text)])
        let report = CheckReport(diagnostics: ProjectChecker(pipelines: set).staticProblems(),
                                 pipelineCount: set.pipelines.count)
        try Golden.check(report.text, "check-n-plus-one.txt")
    }

    @Test func rootFieldsWithoutPipelinesAreErrors() throws {
        let text = try Self.demo(replacing: "Query.order:\n", with: "Query.orderless:\n")
        #expect(throws: LoadError.self) { try ShopProject.pipelines([("Resolvers/shop.yaml", text)]) }
        let withoutOrder = try Self.demo(replacing: """
            Query.order:
              - sql: SELECT id, customer_id, status, total, created_at FROM orders WHERE id = :id
                params: { id: args.id }
                returns: one

            """, with: "")
        let set = try ShopProject.pipelines([("Resolvers/shop.yaml", withoutOrder)])
        let report = CheckReport(diagnostics: ProjectChecker(pipelines: set).staticProblems(),
                                 pipelineCount: set.pipelines.count)
        #expect(report.text == """
            Schema/shop.graphql:25:5: Query.order has no pipeline: add one under Resolvers/
            checked 20 pipelines: 1 error, 0 warnings

            """)
    }

    @Test func listPathsFindTheShortestWayUnderAList() throws {
        let paths = ProjectChecker(pipelines: try ShopProject.pipelines()).listPaths()
        #expect(paths["Customer"] == "search")
        #expect(paths["Order"] == "customer.orders")
        #expect(paths["Product"] == "search")
        #expect(paths["OrderItem"] == "order.items")
        #expect(paths["CustomerConnection"] == nil)
    }
}

@Suite(.enabled(if: TestDatabase.isConfigured, TestDatabase.missing))
struct ProjectCheckerDatabaseTests {
    @Test func everyStatementPreparesAgainstTheDemoDatabase() async throws {
        let configuration = try await ShopDatabase.shared.configuration(for: "reads")
        let set = try ShopProject.pipelines()
        let connection = try await Connection.connect(configuration: configuration, logger: TestDatabase.logger)
        let problems = await ProjectChecker(pipelines: set).databaseProblems(on: connection)
        await connection.close()
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func unknownColumnsAndMissingFieldsAreReported() async throws {
        let configuration = try await ShopDatabase.shared.configuration(for: "reads")
        var text = try ProjectCheckerTests.demo(
            replacing: "SELECT id, name, email, created_at FROM customers WHERE id = :id",
            with: "SELECT id, name, created_at FROM customers WHERE id = :id")
        text = text.replacingOccurrences(of: "SELECT id, sku, name, category, price, stock FROM products WHERE id = :id",
                                         with: "SELECT id, sku, title, category, price, stock FROM products WHERE id = :id")
        let set = try ShopProject.pipelines([("Resolvers/shop.yaml", text)])
        let connection = try await Connection.connect(configuration: configuration, logger: TestDatabase.logger)
        let problems = await ProjectChecker(pipelines: set).databaseProblems(on: connection)
        await connection.close()
        try Golden.check(CheckReport(diagnostics: problems, pipelineCount: set.pipelines.count).text,
                         "check-database.txt")
    }
}
