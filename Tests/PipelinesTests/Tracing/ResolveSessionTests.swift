import GraphQL
import MariaDB
import Testing
@testable import Pipelines

@Suite(.enabled(if: TestDatabase.isConfigured, TestDatabase.missing))
struct ResolveSessionTests {
    let suite = "reads"

    func session(_ name: String) async throws -> ResolveSession {
        let project = try await ShopProject.open(suite: suite)
        return ResolveSession(pipeline: try #require(project.pipelines[name]), dataSources: project.dataSources,
                              mode: .development)
    }

    @Test func aReadShowsEachStepWithItsStatementAndRows() async throws {
        let report = await try session("Query.customer").run(
            args: ["id": "3"], source: .null, identity: .null, requestID: "r1", dryRun: false, commit: false)
        try Golden.check(report.text(timing: false), "resolve-customer.txt")
        #expect(report.transaction == .none)
    }

    @Test func aBatchedStepShowsItsOneStatementAndTruncatedRows() async throws {
        let report = await try session("Customer.orders").run(
            args: ["first": 10], source: ["id": "5"], identity: .null, requestID: "r2", dryRun: false, commit: false)
        try Golden.check(report.text(timing: false), "resolve-orders.txt")
    }

    @Test func aMutationIsRolledBackUnlessCommitted() async throws {
        let project = try await ShopProject.open(suite: suite)
        let owner = try await project.scalar("SELECT customer_id FROM orders WHERE id = 1")
        let before = try await project.scalar("SELECT status FROM orders WHERE id = 1")
        let report = await try session("Mutation.cancelOrder").run(
            args: ["id": "1"], source: .null, identity: ["sub": .string(owner.description)], requestID: "r3",
            dryRun: false, commit: false)
        try Golden.check(report.text(timing: false), "resolve-cancel-rolled-back.txt")
        #expect(report.transaction == .rolledBack)
        #expect(try await project.scalar("SELECT status FROM orders WHERE id = 1") == before)
        #expect(try await project.scalar("SELECT COUNT(*) FROM sluice_jobs WHERE JSON_VALUE(payload, '$.requestId') = 'r3'") == .int(0))
    }

    @Test func aDryRunExecutesNothing() async throws {
        let report = await try session("Mutation.placeOrder").run(
            args: ["input": ["lines": [["productId": "1", "quantity": 2]]]], source: .null, identity: ["sub": "7"],
            requestID: "r4", dryRun: true, commit: false)
        try Golden.check(report.text(timing: false), "resolve-place-order-dry-run.txt")
        #expect(report.statements.allSatisfy { $0.dryRun })
    }

    @Test func jsonCarriesTheSameFacts() async throws {
        let report = await try session("Query.customer").run(
            args: ["id": "3"], source: .null, identity: .null, requestID: "r5", dryRun: false, commit: false)
        let json = try #require(JSONText.decode(report.json))
        #expect(json["pipeline"] == "Query.customer")
        #expect(json["result"]?["name"] == "Edsger Lovelace")
        #expect(json["steps"]?[0]?["statements"]?[0]?["binds"] == ["3"])
        #expect(json["steps"]?[0]?["statements"]?[0]?["rowCount"] == 1)
    }
}
