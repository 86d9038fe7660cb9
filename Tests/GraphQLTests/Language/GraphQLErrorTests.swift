import Foundation
import Testing
@testable import GraphQL

@Suite struct GraphQLErrorTests {
    private func json(_ error: GraphQLError) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(error), as: UTF8.self)
    }

    @Test func encodesTheResponseShape() throws {
        let error = GraphQLError(
            message: "Boom.",
            locations: [SourceLocation(line: 2, column: 5)],
            path: ["orders", 3, "total"],
            extensions: ["code": "INTERNAL", "retry": false, "after": 1.5, "ids": [1, nil], "more": ["a": "b"]]
        )
        #expect(try json(error) == """
            {"extensions":{"after":1.5,"code":"INTERNAL","ids":[1,null],"more":{"a":"b"},"retry":false},\
            "locations":[{"column":5,"line":2}],"message":"Boom.","path":["orders",3,"total"]}
            """)
        let decoded = try JSONDecoder().decode(GraphQLError.self, from: Data(try json(error).utf8))
        #expect(decoded == error)
    }

    @Test func leavesOutEmptyParts() throws {
        #expect(try json(GraphQLError(message: "Plain.")) == "{\"message\":\"Plain.\"}")
    }

    @Test func syntaxErrorsCarryCodeAndPosition() throws {
        let error = #expect(throws: GraphQLError.self) { try Parser("{ a(b: ) }").parseDocument() }
        #expect(try json(try #require(error)) == """
            {"extensions":{"code":"GRAPHQL_PARSE_FAILED"},"locations":[{"column":8,"line":1}],\
            "message":"Syntax Error: Unexpected \\")\\"."}
            """)
    }

    @Test func locatesNodesFromTheirSources() throws {
        let document = try Parser(source: Source(body: "{\n  a\n  b\n}", name: "query.graphql")).parseDocument()
        let fields = document.operations[0].selectionSet.selections
        let error = GraphQLError(message: "Two.", nodes: fields)
        #expect(error.locations == [SourceLocation(line: 2, column: 3), SourceLocation(line: 3, column: 3)])
        #expect(error.sourceName == "query.graphql")
        #expect(error.description == "query.graphql:2:3: Two.")
    }
}
