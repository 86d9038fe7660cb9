import Foundation
import Testing

/// The demo's connections page with opaque cursors: each edge's cursor and `endCursor` can be passed
/// back as `after`, and anything else is a `BAD_USER_INPUT` field error before any SQL runs.
@Suite(.enabled(if: DemoDatabase.isConfigured, DemoDatabase.missing))
struct DemoCursorTests {
    static func query(_ text: String) async throws -> SluiceProcess.Output {
        try await QueryPipelinesTests.query([text], url: try await DemoDatabase.shared.url())
    }

    static let pages: [(query: String, response: String)] = [
        ("{ customers(first: 2) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }",
         #"{"data":{"customers":{"edges":[{"cursor":"Y3VzdG9tZXI6MQ==","node":{"id":"1"}},"#
            + #"{"cursor":"Y3VzdG9tZXI6Mg==","node":{"id":"2"}}],"#
            + #""pageInfo":{"hasNextPage":true,"endCursor":"Y3VzdG9tZXI6Mg=="}}}}"#),
        (#"{ customers(first: 2, after: "Y3VzdG9tZXI6Mg==") { edges { node { id } } pageInfo { endCursor } } }"#,
         #"{"data":{"customers":{"edges":[{"node":{"id":"3"}},{"node":{"id":"4"}}],"#
            + #""pageInfo":{"endCursor":"Y3VzdG9tZXI6NA=="}}}}"#),
        (#"{ products(first: 5, after: "cHJvZHVjdDozOTk=") { edges { cursor } pageInfo { hasNextPage endCursor } } }"#,
         #"{"data":{"products":{"edges":[{"cursor":"cHJvZHVjdDo0MDA="}],"#
            + #""pageInfo":{"hasNextPage":false,"endCursor":"cHJvZHVjdDo0MDA="}}}}"#),
        (#"{ products(first: 5, after: "cHJvZHVjdDo0MDA=") { edges { cursor } pageInfo { hasNextPage endCursor } } }"#,
         #"{"data":{"products":{"edges":[],"pageInfo":{"hasNextPage":false,"endCursor":null}}}}"#),
    ]

    @Test(arguments: pages)
    func cursorsPageThroughTheConnections(_ query: String, _ response: String) async throws {
        let run = try await Self.query(query)
        #expect(run.stdout == response + "\n")
        #expect(run.status == 0)
    }

    /// A bare id, text that is not base64, a product's cursor, a cursor without a key.
    @Test(arguments: ["10", "not a cursor!", "cHJvZHVjdDoy", "Y3VzdG9tZXI6"])
    func anythingElseIsBadUserInput(_ after: String) async throws {
        let run = try await Self.query(#"{ customers(first: 2, after: "\#(after)") { edges { cursor } } }"#)
        #expect(run.stdout == #"{"errors":[{"message":"after is not a cursor this connection handed out","#
            + #""locations":[{"line":1,"column":3}],"path":["customers"],"extensions":{"code":"BAD_USER_INPUT","#
            + #""definedAt":"Resolvers/shop.yaml:11","pipeline":"Query.customers","#
            + #""step":{"index":"2","kind":"guard"}}}],"data":null}"# + "\n")
        #expect(run.status == 0)
    }
}
