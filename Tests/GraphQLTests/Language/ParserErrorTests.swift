import Testing
@testable import GraphQL

/// Every syntax error the parser reports, with its exact message and position: unexpected
/// tokens and unexpected end of input in each construct of executable and SDL documents.
@Suite struct ParserErrorTests {
    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let body: String
        let message: String
        let line: Int
        let column: Int
        init(_ body: String, _ message: String, _ line: Int, _ column: Int) {
            self.body = body
            self.message = message
            self.line = line
            self.column = column
        }
        var testDescription: String { body.debugDescription }
    }

    static let executable: [ErrorCase] = [
        ErrorCase("", "Unexpected <EOF>.", 1, 1),
        ErrorCase("   # only a comment\n", "Unexpected <EOF>.", 2, 1),
        ErrorCase("{", "Expected Name, found <EOF>.", 1, 2),
        ErrorCase("{ }", "Expected Name, found \"}\".", 1, 3),
        ErrorCase("{ a", "Expected Name, found <EOF>.", 1, 4),
        ErrorCase("{ a }}", "Unexpected \"}\".", 1, 6),
        ErrorCase("{ a: }", "Expected Name, found \"}\".", 1, 6),
        ErrorCase("{ a: b: c }", "Expected Name, found \":\".", 1, 7),
        ErrorCase("{ a(", "Expected Name, found <EOF>.", 1, 5),
        ErrorCase("{ a() }", "Expected Name, found \")\".", 1, 5),
        ErrorCase("{ a(b) }", "Expected \":\", found \")\".", 1, 6),
        ErrorCase("{ a(b:) }", "Unexpected \")\".", 1, 7),
        ErrorCase("{ a(b: 1 }", "Expected Name, found \"}\".", 1, 10),
        ErrorCase("{ a(b: 1", "Expected Name, found <EOF>.", 1, 9),
        ErrorCase("{ a @ }", "Expected Name, found \"}\".", 1, 7),
        ErrorCase("{ a @b( }", "Expected Name, found \"}\".", 1, 9),
        ErrorCase("{ a { } }", "Expected Name, found \"}\".", 1, 7),
        ErrorCase("{ ... }", "Expected \"{\", found \"}\".", 1, 7),
        ErrorCase("{ ...", "Expected \"{\", found <EOF>.", 1, 6),
        ErrorCase("{ ... on }", "Expected Name, found \"}\".", 1, 10),
        ErrorCase("{ ... on T }", "Expected \"{\", found \"}\".", 1, 12),
        ErrorCase("{ ...on }", "Expected Name, found \"}\".", 1, 9),
        ErrorCase("{ ... @dir }", "Expected \"{\", found \"}\".", 1, 12),
        ErrorCase("{ ...F @ }", "Expected Name, found \"}\".", 1, 10),
        ErrorCase("notAnOperation Foo { field }", "Unexpected Name \"notAnOperation\".", 1, 1),
        ErrorCase("...", "Unexpected \"...\".", 1, 1),
        ErrorCase("{ ...MissingOn }\nfragment MissingOn Type", "Expected \"on\", found Name \"Type\".", 2, 20),
        ErrorCase("fragment on on on { on }", "Unexpected Name \"on\".", 1, 10),
        ErrorCase("{ ...on }", "Expected Name, found \"}\".", 1, 9),
        ErrorCase("fragment F on T", "Expected \"{\", found <EOF>.", 1, 16),
        ErrorCase("fragment F", "Expected \"on\", found <EOF>.", 1, 11),
        ErrorCase("fragment", "Expected Name, found <EOF>.", 1, 9),
        ErrorCase("fragment F on T @", "Expected Name, found <EOF>.", 1, 18),
        ErrorCase("query", "Expected \"{\", found <EOF>.", 1, 6),
        ErrorCase("query Q", "Expected \"{\", found <EOF>.", 1, 8),
        ErrorCase("query Q(", "Expected \"$\", found <EOF>.", 1, 9),
        ErrorCase("query Q()", "Expected \"$\", found \")\".", 1, 9),
        ErrorCase("query Q($)", "Expected Name, found \")\".", 1, 10),
        ErrorCase("query Q($a)", "Expected \":\", found \")\".", 1, 11),
        ErrorCase("query Q($a:)", "Expected Name, found \")\".", 1, 12),
        ErrorCase("query Q($a: [Int)", "Expected \"]\", found \")\".", 1, 17),
        ErrorCase("query Q($a: Int!!)", "Expected \"$\", found \"!\".", 1, 17),
        ErrorCase("query Q($a: Int =)", "Unexpected \")\".", 1, 18),
        ErrorCase("query Q($a: Int = $b)", "Unexpected variable \"$b\" in constant value.", 1, 19),
        ErrorCase("query Q($a: Int = $)", "Unexpected \"$\".", 1, 19),
        ErrorCase("query Q($a: Int = [$b])", "Unexpected variable \"$b\" in constant value.", 1, 20),
        ErrorCase("query Q($a: Int = {f: $b})", "Unexpected variable \"$b\" in constant value.", 1, 23),
        ErrorCase("query Q($a: Int @d(x: $b)) { f }", "Unexpected variable \"$b\" in constant value.", 1, 23),
        ErrorCase("query Q($a: Int", "Expected \"$\", found <EOF>.", 1, 16),
        ErrorCase("query Q @", "Expected Name, found <EOF>.", 1, 10),
        ErrorCase("query Q @d(", "Expected Name, found <EOF>.", 1, 12),
        ErrorCase("mutation { f }}", "Unexpected \"}\".", 1, 15),
        ErrorCase("subscription", "Expected \"{\", found <EOF>.", 1, 13),
        ErrorCase("query Q { f(a: [1, 2 }", "Unexpected \"}\".", 1, 22),
        ErrorCase("query Q { f(a: [1, 2", "Unexpected <EOF>.", 1, 21),
        ErrorCase("query Q { f(a: {b 1}) }", "Expected \":\", found Int \"1\".", 1, 19),
        ErrorCase("query Q { f(a: {b: 1 ) }", "Expected Name, found \")\".", 1, 22),
        ErrorCase("query Q { f(a: {b: 1", "Expected Name, found <EOF>.", 1, 21),
        ErrorCase("query Q { f(a: {1: 1}) }", "Expected Name, found Int \"1\".", 1, 17),
        ErrorCase("{ f(a: \"s\" b: 1.5e3 c: ]) }", "Unexpected \"]\".", 1, 24),
        ErrorCase("{ f(a: :) }", "Unexpected \":\".", 1, 8),
        ErrorCase("{ f(a: @) }", "Unexpected \"@\".", 1, 8),
        ErrorCase("{ f(a: !) }", "Unexpected \"!\".", 1, 8),
        ErrorCase("{ f(a: |) }", "Unexpected \"|\".", 1, 8),
        ErrorCase("{ f(a: &) }", "Unexpected \"&\".", 1, 8),
        ErrorCase("{ f(a: ...) }", "Unexpected \"...\".", 1, 8),
        ErrorCase("{ f(a: =) }", "Unexpected \"=\".", 1, 8),
        ErrorCase("{ f(a: () }", "Unexpected \"(\".", 1, 8),
        ErrorCase("query Q { a } 1", "Unexpected Int \"1\".", 1, 15),
        ErrorCase("query Q { a } \"desc\"", "Unexpected <EOF>.", 1, 21),
        ErrorCase("\"desc\" { a }", "Unexpected description, descriptions are not supported on shorthand queries.", 1, 1),
        ErrorCase("query Q(\"desc\") { a }", "Expected \"$\", found \")\".", 1, 15),
        ErrorCase("\"desc\"", "Unexpected <EOF>.", 1, 7),
        ErrorCase("{ f(a: \"unterminated) }", "Unterminated string.", 1, 24),
        ErrorCase("{ f(a: 01) }", "Invalid number, unexpected digit after 0: \"1\".", 1, 9),
        ErrorCase("{ f(\n  a: \"\\q\"\n) }", "Invalid character escape sequence: \"\\q\".", 2, 7),
        ErrorCase("{\n  a\n  b(c: [1 2 \"s\" ])\n  d(e: {\n", "Expected Name, found <EOF>.", 5, 1),
    ]

    static let typeSystem: [ErrorCase] = [
        ErrorCase("type", "Expected Name, found <EOF>.", 1, 5),
        ErrorCase("type T {", "Expected Name, found <EOF>.", 1, 9),
        ErrorCase("type T {}", "Expected Name, found \"}\".", 1, 9),
        ErrorCase("type T { f }", "Expected \":\", found \"}\".", 1, 12),
        ErrorCase("type T { f: }", "Expected Name, found \"}\".", 1, 13),
        ErrorCase("type T { f(): Int }", "Expected Name, found \")\".", 1, 12),
        ErrorCase("type T { f(a): Int }", "Expected \":\", found \")\".", 1, 13),
        ErrorCase("type T { f(a: Int = $v): Int }", "Unexpected variable \"$v\" in constant value.", 1, 21),
        ErrorCase("type T { f: Int @d(a: $v) }", "Unexpected variable \"$v\" in constant value.", 1, 23),
        ErrorCase("type T @d(a: $v) { f: Int }", "Unexpected variable \"$v\" in constant value.", 1, 14),
        ErrorCase("type T implements { f: Int }", "Expected Name, found \"{\".", 1, 19),
        ErrorCase("type T implements A & { f: Int }", "Expected Name, found \"{\".", 1, 23),
        ErrorCase("type T implements A, B { f: Int }", "Unexpected Name \"B\".", 1, 22),
        ErrorCase("type T { f: Int\n", "Expected Name, found <EOF>.", 2, 1),
        ErrorCase("type T { \"desc\" }", "Expected Name, found \"}\".", 1, 17),
        ErrorCase("interface", "Expected Name, found <EOF>.", 1, 10),
        ErrorCase("interface I {}", "Expected Name, found \"}\".", 1, 14),
        ErrorCase("union", "Expected Name, found <EOF>.", 1, 6),
        ErrorCase("union U =", "Expected Name, found <EOF>.", 1, 10),
        ErrorCase("union U = | ", "Expected Name, found <EOF>.", 1, 13),
        ErrorCase("union U = A |", "Expected Name, found <EOF>.", 1, 14),
        ErrorCase("union U = A || B", "Expected Name, found \"|\".", 1, 14),
        ErrorCase("union U = A B", "Unexpected Name \"B\".", 1, 13),
        ErrorCase("enum E extra", "Unexpected Name \"extra\".", 1, 8),
        ErrorCase("enum E {}", "Expected Name, found \"}\".", 1, 9),
        ErrorCase("enum E { true }", "Name \"true\" is reserved and cannot be used for an enum value.", 1, 10),
        ErrorCase("enum E { A false }", "Name \"false\" is reserved and cannot be used for an enum value.", 1, 12),
        ErrorCase("enum E { null }", "Name \"null\" is reserved and cannot be used for an enum value.", 1, 10),
        ErrorCase("enum E { A(x: Int) }", "Expected Name, found \"(\".", 1, 11),
        ErrorCase("input I {}", "Expected Name, found \"}\".", 1, 10),
        ErrorCase("input I { f(a: Int): Int }", "Expected \":\", found \"(\".", 1, 12),
        ErrorCase("input I { f: Int = }", "Unexpected \"}\".", 1, 20),
        ErrorCase("scalar", "Expected Name, found <EOF>.", 1, 7),
        ErrorCase("scalar S @", "Expected Name, found <EOF>.", 1, 11),
        ErrorCase("schema", "Expected \"{\", found <EOF>.", 1, 7),
        ErrorCase("schema {}", "Expected Name, found \"}\".", 1, 9),
        ErrorCase("schema { query }", "Expected \":\", found \"}\".", 1, 16),
        ErrorCase("schema { query: }", "Expected Name, found \"}\".", 1, 17),
        ErrorCase("schema { other: Q }", "Unexpected Name \"other\".", 1, 10),
        ErrorCase("schema @d", "Expected \"{\", found <EOF>.", 1, 10),
        ErrorCase("directive", "Expected \"@\", found <EOF>.", 1, 10),
        ErrorCase("directive @", "Expected Name, found <EOF>.", 1, 12),
        ErrorCase("directive @d", "Expected \"on\", found <EOF>.", 1, 13),
        ErrorCase("directive @d on", "Expected Name, found <EOF>.", 1, 16),
        ErrorCase("directive @d on FIELD |", "Expected Name, found <EOF>.", 1, 24),
        ErrorCase("directive @d on UNKNOWN", "Unexpected Name \"UNKNOWN\".", 1, 17),
        ErrorCase("directive @d on FIELD | field", "Unexpected Name \"field\".", 1, 25),
        ErrorCase("directive @d repeatable", "Expected \"on\", found <EOF>.", 1, 24),
        ErrorCase("directive @d on FIELD repeatable", "Unexpected Name \"repeatable\".", 1, 23),
        ErrorCase("directive @d() on FIELD", "Expected Name, found \")\".", 1, 14),
        ErrorCase("directive d on FIELD", "Expected \"@\", found Name \"d\".", 1, 11),
        ErrorCase("extend", "Unexpected <EOF>.", 1, 7),
        ErrorCase("extend T", "Unexpected Name \"T\".", 1, 8),
        ErrorCase("extend {", "Unexpected \"{\".", 1, 8),
        ErrorCase("extend schema", "Unexpected <EOF>.", 1, 14),
        ErrorCase("extend schema {}", "Expected Name, found \"}\".", 1, 16),
        ErrorCase("extend scalar S", "Unexpected <EOF>.", 1, 16),
        ErrorCase("extend type T", "Unexpected <EOF>.", 1, 14),
        ErrorCase("extend type T {}", "Expected Name, found \"}\".", 1, 16),
        ErrorCase("extend interface I", "Unexpected <EOF>.", 1, 19),
        ErrorCase("extend union U", "Unexpected <EOF>.", 1, 15),
        ErrorCase("extend enum E", "Unexpected <EOF>.", 1, 14),
        ErrorCase("extend input I", "Unexpected <EOF>.", 1, 15),
        ErrorCase("extend type T { f: Int } extend", "Unexpected <EOF>.", 1, 32),
        ErrorCase("extend directive @d on FIELD", "Unexpected Name \"directive\".", 1, 8),
        ErrorCase(
            "\"desc\" extend type T @d", "Unexpected description, only GraphQL definitions support descriptions.", 1, 1),
        ErrorCase("\"desc\" 1", "Unexpected Int \"1\".", 1, 8),
        ErrorCase("\"\"\"unterminated", "Unterminated string.", 1, 16),
        ErrorCase("type T { f(a: \"x\"): Int }", "Expected Name, found String \"x\".", 1, 15),
    ]

    @Test(arguments: executable + typeSystem)
    func reportsSyntaxErrors(_ errorCase: ErrorCase) {
        let error = #expect(throws: GraphQLError.self) {
            _ = try Parser(errorCase.body).parseDocument()
        }
        #expect(error?.message == "Syntax Error: " + errorCase.message)
        #expect(error?.locations == [SourceLocation(line: errorCase.line, column: errorCase.column)])
    }
}
