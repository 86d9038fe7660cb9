import Foundation
import Gateway
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Each limit of the security reference (§2.1) and each graphql-cop payload (§2.2), rejected
/// before any resolver runs with its code.
@Suite("Request limits and graphql-cop payloads", .needsDatabase)
struct RequestLimitsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let query: String
        var introspection = false
        /// The codes of the response's errors, in order.
        let codes: [String]
        var message: String?
        /// Other limits may fire as well; only the first code is fixed.
        var onlyFirstCode = false

        var testDescription: String { name }
    }

    static func repeated(_ text: String, _ count: Int, separator: String = " ") -> String {
        Array(repeating: text, count: count).joined(separator: separator)
    }

    static let cases: [Case] = [
        Case(
            name: "characters: 15 001", query: "{ hello }" + String(repeating: " ", count: 14_992),
            codes: ["MAX_CHARACTERS_LIMIT"], message: "The document has more than 15000 characters."),
        Case(name: "tokens: 2 001", query: "{ " + repeated("hello", 1_999) + " }", codes: ["MAX_TOKENS_LIMIT"]),
        Case(
            name: "parser depth: 10 000 levels does not crash", query: String(repeating: "{a", count: 5_000),
            codes: ["MAX_PARSER_DEPTH_LIMIT"]),
        Case(
            name: "query depth: 11",
            query: "{ user(id: 1) { " + repeated("friends(first: 1) {", 9) + " id" + String(repeating: " }", count: 10)
                + " }",
            codes: ["MAX_DEPTH_LIMIT"]),
        Case(
            name: "aliases: 16 (graphql-cop dos_alias_overloading)",
            query: "{ " + (0..<16).map { "a\($0): __typename" }.joined(separator: " ") + " }",
            codes: ["MAX_ALIASES_LIMIT", "MAX_ROOT_FIELDS_LIMIT"]),
        Case(name: "root fields: 11", query: "{ " + repeated("hello", 11) + " }", codes: ["MAX_ROOT_FIELDS_LIMIT"]),
        Case(
            name: "fields after fragment expansion: 500 × __typename (graphql-cop dos_field_duplication)",
            query: "query { users { ...F } } fragment F on User { " + repeated("__typename", 500) + " }",
            codes: ["MAX_FIELDS_LIMIT"],
            message: "The operation selects 501 fields, which exceeds the limit of 200."),
        Case(
            name: "directives per field: 6",
            query: "{ hello" + repeated(" @include(if: true)", 1) + repeated(" @skip(if: false)", 1)
                + " @deprecated @deprecated @deprecated @deprecated }",
            codes: [
                "GRAPHQL_VALIDATION_FAILED", "GRAPHQL_VALIDATION_FAILED", "GRAPHQL_VALIDATION_FAILED",
                "MAX_DIRECTIVES_LIMIT", "GRAPHQL_VALIDATION_FAILED", "GRAPHQL_VALIDATION_FAILED",
                "GRAPHQL_VALIDATION_FAILED", "GRAPHQL_VALIDATION_FAILED",
            ]),
        Case(
            name: "directives in the operation: 22",
            query: "{ users(first: 1) { "
                + (0..<11).map { "a\($0): id @include(if: true) @skip(if: false)" }
                .joined(separator: " ") + " } }",
            codes: ["MAX_DIRECTIVES_LIMIT"],
            message: "The operation uses 22 directives, which exceeds the limit of 20."),
        Case(
            name: "cost: 1 + 100 × (1 + 100)", query: "{ users(first: 100) { friends(first: 100) { id } } }",
            codes: ["COST_ESTIMATED_TOO_EXPENSIVE"]),
        Case(
            name: "circular fragments (graphql-cop dos_circular_fragment)",
            query: "query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }",
            codes: ["GRAPHQL_VALIDATION_FAILED"], message: "Cannot spread fragment \"A\" within itself via \"B\"."),
        Case(
            name: "introspection is off (graphql-cop info_introspect)", query: "{ __schema { types { name } } }",
            codes: ["INTROSPECTION_DISABLED"], message: "Introspection is disabled on this server."),
        Case(
            name: "introspection inside a fragment is off too",
            query: "{ ...I } fragment I on Query { __type(name: \"User\") { name } }", codes: ["INTROSPECTION_DISABLED"]
        ),
        Case(
            name: "circular introspection is limited by depth when introspection is on (dos_circular_introspection)",
            query: "{ __schema { types { fields { type { fields { type { fields { type { fields { type { fields { type "
                + "{ name } } } } } } } } } } } } }",
            introspection: true, codes: ["MAX_DEPTH_LIMIT"], onlyFirstCode: true),
        Case(
            name: "field suggestions are masked without introspection (info_field_suggestions)", query: "{ helo }",
            codes: ["GRAPHQL_VALIDATION_FAILED"],
            message: "Cannot query field \"helo\" on type \"Query\". [Suggestion hidden]"),
        Case(
            name: "field suggestions are given with introspection on", query: "{ helo }", introspection: true,
            codes: ["GRAPHQL_VALIDATION_FAILED"],
            message: "Cannot query field \"helo\" on type \"Query\". Did you mean \"hello\"?"),
    ]

    @Test(arguments: cases)
    func rejected(_ testCase: Case) async throws {
        let app = try await GatewayFixture.application(GatewayConfiguration(introspection: testCase.introspection))
        try await app.test(.live) { client in
            try await client.execute(
                uri: "/graphql", method: .post,
                headers: [.contentType: "application/json", .accept: "application/graphql-response+json"],
                body: GatewayFixture.json(["query": testCase.query])
            ) { response in
                #expect(response.status == .badRequest, "\(response.text.prefix(300))")
                let codes = testCase.onlyFirstCode ? Array(response.errorCodes.prefix(1)) : response.errorCodes
                #expect(codes == testCase.codes, "\(response.text.prefix(600))")
                if let message = testCase.message { #expect(response.errorMessages.first == message) }
                let object = try response.object
                #expect(object["data"] == nil)
            }
        }
    }

    @Test("directive overloading (graphql-cop dos_directive_overloading) answers a bounded error list")
    func directiveOverloading() async throws {
        let app = try await GatewayFixture.application(GatewayConfiguration(limits: RequestLimits(maxErrors: 5)))
        try await app.test(.live) { client in
            try await client.execute(
                uri: "/graphql", method: .post, headers: GatewayFixture.postJSON,
                body: GatewayFixture.json([
                    "query": "query { __typename " + Self.repeated("@aa", 10, separator: "") + " }"
                ])
            ) { response in
                #expect(response.errors.count == 5)
                #expect(response.errorCodes.last == "TOO_MANY_ERRORS")
                #expect(response.errorMessages.last == "Further errors were omitted; a response reports at most 5.")
            }
        }
    }

    @Test("errors per response: 50, the last one summarising")
    func errorCap() async throws {
        let app = try await GatewayFixture.application()
        try await app.test(.live) { client in
            try await client.execute(
                uri: "/graphql", method: .post, headers: GatewayFixture.postJSON,
                body: GatewayFixture.json([
                    "query": "{ users { " + (0..<80).map { "f\($0)" }.joined(separator: " ") + " } }"
                ])
            ) { response in
                #expect(response.status == .ok)
                #expect(response.errors.count == 50)
                #expect(response.errorCodes.last == "TOO_MANY_ERRORS")
            }
        }
    }

    @Test("a request past its deadline resolves nothing")
    func deadline() async throws {
        let app = try await GatewayFixture.application(GatewayConfiguration(limits: RequestLimits(timeout: .zero)))
        try await app.test(.live) { client in
            try await client.execute(
                uri: "/graphql", method: .post, headers: GatewayFixture.postJSON,
                body: GatewayFixture.json(["query": "{ hello }"])
            ) { response in
                #expect(response.errorCodes == ["DEADLINE_EXCEEDED"], "\(response.text)")
                #expect(response.text.contains(#""data":{"hello":null}"#), "\(response.text)")
            }
        }
    }

    @Test("no tracing extension is ever added (graphql-cop info_trace_mode)")
    func noTracing() async throws {
        let app = try await GatewayFixture.application()
        try await app.test(.live) { client in
            try await client.execute(
                uri: "/graphql", method: .post, headers: GatewayFixture.postJSON,
                body: GatewayFixture.json(["query": "{ hello }", "extensions": ["tracing": true]])
            ) { response in
                let object = try response.object
                #expect(object["extensions"] == nil)
            }
        }
    }

    @Test("the explorer is not served unless enabled (graphql-cop info_graphiql)")
    func explorerOff() async throws {
        let app = try await GatewayFixture.application()
        try await app.test(.live) { client in
            try await client.execute(uri: "/graphql", method: .get, headers: [.accept: "text/html,*/*;q=0.8"]) {
                response in
                #expect(response.contentType?.hasPrefix("text/html") == false)
                #expect(!response.text.contains("<html"))
            }
        }
    }
}
