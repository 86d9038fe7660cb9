import Testing
@testable import GraphQL

/// Token and depth limits: exact boundaries, clear errors, and no stack overflow whatever the input.
@Suite struct ParserLimitTests {
    @Test func acceptsExactlyMaxTokens() throws {
        // `{ a }` is three tokens.
        _ = try Parser("{ a }", options: ParseOptions(maxTokens: 3)).parseDocument()
        let error = #expect(throws: GraphQLError.self) {
            try Parser("{ a b }", options: ParseOptions(maxTokens: 3)).parseDocument()
        }
        #expect(error?.message == "Syntax Error: Document contains more than 3 tokens. Parsing aborted.")
        #expect(error?.locations == [SourceLocation(line: 1, column: 7)])
    }

    @Test func defaultsAreFifteenThousandTokensAndDepthTwoHundred() throws {
        #expect(ParseOptions().maxTokens == 15_000)
        #expect(ParseOptions().maxDepth == 200)
        let fields = String(repeating: "a ", count: 14_998)
        _ = try Parser("{ \(fields)}").parseDocument()
        let error = #expect(throws: GraphQLError.self) { try Parser("{ \(fields)b }").parseDocument() }
        #expect(error?.message == "Syntax Error: Document contains more than 15000 tokens. Parsing aborted.")
        _ = try Parser("{ \(fields)b }", options: .trusted).parseDocument()
    }

    @Test(arguments: [
        ("{ a ", "}", "Selection sets"),
        ("{ f(a: ", ") }", "Lists"),
    ])
    func limitsNesting(open: String, close: String, label: String) throws {
        func nested(_ depth: Int) -> String {
            open == "{ a "
                ? String(repeating: "{ a ", count: depth) + String(repeating: "}", count: depth)
                : "{ f(a: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + ") }"
        }
        let limit = ParseOptions(maxTokens: nil, maxDepth: 20)
        let listDepth = open == "{ a " ? 20 : 19  // the field's selection set is one level
        _ = try Parser(nested(listDepth), options: limit).parseDocument()
        let error = #expect(throws: GraphQLError.self) {
            try Parser(nested(listDepth + 1), options: limit).parseDocument()
        }
        #expect(error?.message == "Syntax Error: Document is nested deeper than 20 levels. Parsing aborted.", "\(label)")
    }

    @Test func limitsNestedObjectsAndListTypes() {
        let limit = ParseOptions(maxTokens: nil, maxDepth: 10)
        let objects = "{ f(a: " + String(repeating: "{b: ", count: 10) + "1" + String(repeating: "}", count: 10) + ") }"
        #expect(throws: GraphQLError.self) { try Parser(objects, options: limit).parseDocument() }
        let types = "query Q($a: " + String(repeating: "[", count: 11) + "Int" + String(repeating: "]", count: 11)
            + ") { f }"
        let error = #expect(throws: GraphQLError.self) { try Parser(types, options: limit).parseDocument() }
        #expect(error?.message == "Syntax Error: Document is nested deeper than 10 levels. Parsing aborted.")
        #expect(error?.locations == [SourceLocation(line: 1, column: 23)])
    }

    struct HostileCase: Sendable, CustomTestStringConvertible {
        let label: String
        let body: String
        /// The error once the token limit is lifted.
        let message: String
        let column: Int
        var testDescription: String { label }
    }

    static let hostile: [HostileCase] = [
        HostileCase(label: "100,000 [", body: String(repeating: "[", count: 100_000),
            message: "Unexpected \"[\".", column: 1),
        HostileCase(label: "100,000 [ in an argument", body: "{ f(a: " + String(repeating: "[", count: 100_000),
            message: "Document is nested deeper than 200 levels. Parsing aborted.", column: 207),
        HostileCase(label: "100,000 [ in a variable type", body: "query Q($a: " + String(repeating: "[", count: 100_000),
            message: "Document is nested deeper than 200 levels. Parsing aborted.", column: 213),
        HostileCase(label: "100,000 {", body: String(repeating: "{", count: 100_000),
            message: "Expected Name, found \"{\".", column: 2),
        HostileCase(label: "100,000 nested selections", body: String(repeating: "{ a ", count: 100_000),
            message: "Document is nested deeper than 200 levels. Parsing aborted.", column: 801),
        HostileCase(label: "100,000 nested objects", body: "{ f(a: " + String(repeating: "{a: ", count: 100_000),
            message: "Document is nested deeper than 200 levels. Parsing aborted.", column: 804),
    ]

    /// A hostile document fails with an error, never a crash: with the default options the token
    /// limit or the grammar stops it, and without a token limit the depth limit does.
    @Test(arguments: hostile)
    func rejectsHundredThousandLevels(_ hostile: HostileCase) {
        #expect(throws: GraphQLError.self) { try Parser(hostile.body).parseDocument() }
        let error = #expect(throws: GraphQLError.self) { try Parser(hostile.body, options: .trusted).parseDocument() }
        #expect(error?.message == "Syntax Error: " + hostile.message)
        #expect(error?.locations == [SourceLocation(line: 1, column: hostile.column)])
    }

    @Test func deepDocumentErrorNamesTheLimit() {
        let error = #expect(throws: GraphQLError.self) {
            try Parser(String(repeating: "{ a ", count: 100_000), options: .trusted).parseDocument()
        }
        #expect(error?.message == "Syntax Error: Document is nested deeper than 200 levels. Parsing aborted.")
        #expect(error?.locations == [SourceLocation(line: 1, column: 801)])
    }
}
