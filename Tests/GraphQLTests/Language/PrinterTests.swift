import Testing
@testable import GraphQL

/// The printer against reference output, and print∘parse as a fixed point.
@Suite struct PrinterTests {
    /// The golden files hold the reference implementation's `print` of each kitchen sink
    /// (see their first line); the printer must produce exactly the same text.
    @Test(arguments: ["executable-kitchen-sink", "schema-kitchen-sink"])
    func printsKitchenSinkLikeTheReference(name: String) throws {
        let printed = try Parser(Fixture.load(name)).parseDocument().printed()
        let golden = Fixture.load(name + ".printed").split(separator: "\n", maxSplits: 1)[1]
        #expect(printed + "\n" == golden)
    }

    @Test(arguments: ["executable-kitchen-sink", "schema-kitchen-sink"])
    func printingIsAFixedPoint(name: String) throws {
        let first = try Parser(Fixture.load(name)).parseDocument()
        let printed = first.printed()
        let second = try Parser(printed).parseDocument()
        #expect(second == first)
        #expect(second.printed() == printed)
    }
}

/// Printing particular constructs.
@Suite struct PrinterCaseTests {
    private func reprint(_ body: String) throws -> String {
        try Parser(body).parseDocument().printed()
    }

    @Test(arguments: [
        ("query { a }", "{\n  a\n}"),
        ("query Q { a }", "query Q {\n  a\n}"),
        ("query @d { a }", "query @d {\n  a\n}"),
        ("query ($a: Int) { a }", "query ($a: Int) {\n  a\n}"),
        ("mutation { a }", "mutation {\n  a\n}"),
        ("{ a, b  c }", "{\n  a\n  b\n  c\n}"),
        ("{ a { b { c } } }", "{\n  a {\n    b {\n      c\n    }\n  }\n}"),
        ("{ x: a(b: 1, c: \"d\") @e(f: [1, 2]) @g }", "{\n  x: a(b: 1, c: \"d\") @e(f: [1, 2]) @g\n}"),
        ("{ ...F @d ... on T { a } ... @d { b } }", "{\n  ...F @d\n  ... on T {\n    a\n  }\n  ... @d {\n    b\n  }\n}"),
        ("fragment F on T @d { a }", "fragment F on T @d {\n  a\n}"),
        ("fragment F on T { a }", "fragment F on T {\n  a\n}"),
        ("{ a(o: {x: 1, y: [true, null, ENUM, $v]}) }", "{\n  a(o: {x: 1, y: [true, null, ENUM, $v]})\n}"),
        ("query Q($a: [Int!]! = [1] @d) { a }", "query Q($a: [Int!]! = [1] @d) {\n  a\n}"),
        ("\"Describes.\" query Q(\"Var.\" $a: Int) { a }", "\"Describes.\"\nquery Q(\n\"Var.\"\n$a: Int\n) {\n  a\n}"),
        ("\"\"\"Frag.\"\"\" fragment F on T { a }", "\"\"\"Frag.\"\"\"\nfragment F on T {\n  a\n}"),
        ("{ a } { b }", "{\n  a\n}\n\n{\n  b\n}"),
    ])
    func printsExecutableDocuments(body: String, printed: String) throws {
        #expect(try reprint(body) == printed)
    }

    @Test func wrapsArgumentsPastEightyColumns() throws {
        let short = "{ field(first: 10, after: \"cursor\", orderBy: {field: NAME, direction: ASC}) }"
        #expect(try reprint(short) == "{\n  field(first: 10, after: \"cursor\", orderBy: {field: NAME, direction: ASC})\n}")
        let long = "{ field(first: 10, after: \"a much longer cursor\", orderBy: {field: NAME, direction: ASC}) }"
        #expect(try reprint(long) == """
            {
              field(
                first: 10
                after: "a much longer cursor"
                orderBy: {field: NAME, direction: ASC}
              )
            }
            """)
    }

    @Test(arguments: [
        ("plain", "\"plain\""),
        ("quote \" and backslash \\", "\"quote \\\" and backslash \\\\\""),
        ("\n\r\t\u{8}\u{C}", "\"\\n\\r\\t\\b\\f\""),
        ("\u{0}\u{1F}\u{7F}\u{9F}\u{A0}", "\"\\u0000\\u001F\\u007F\\u009F\u{A0}\""),
        ("é 😀 /", "\"é 😀 /\""),
    ])
    func escapesStrings(value: String, printed: String) {
        #expect(Printer.quoted(value) == printed)
    }

    @Test(arguments: [
        ("schema { query: Q }", "schema {\n  query: Q\n}"),
        ("\"D\" scalar S @a", "\"D\"\nscalar S @a"),
        (
            "type T implements A & B @d { f(a: Int = 1): [T!] @e }",
            "type T implements A & B @d {\n  f(a: Int = 1): [T!] @e\n}"
        ),
        ("type T { f(\"arg\" a: Int, b: Int): Int }", "type T {\n  f(\n    \"arg\"\n    a: Int\n    b: Int\n  ): Int\n}"),
        ("interface I implements N { f: Int }", "interface I implements N {\n  f: Int\n}"),
        ("union U @d = | A | B", "union U @d = A | B"),
        ("enum E { A @deprecated B }", "enum E {\n  A @deprecated\n  B\n}"),
        ("input I { a: Int = 1 @d, b: [I] }", "input I {\n  a: Int = 1 @d\n  b: [I]\n}"),
        ("directive @d(a: Int) repeatable on | FIELD | QUERY", "directive @d(a: Int) repeatable on FIELD | QUERY"),
        ("extend schema @d { mutation: M }", "extend schema @d {\n  mutation: M\n}"),
        ("extend scalar S @d", "extend scalar S @d"),
        ("extend type T implements I", "extend type T implements I"),
        ("extend interface I { f: Int }", "extend interface I {\n  f: Int\n}"),
        ("extend union U = C", "extend union U = C"),
        ("extend enum E @d", "extend enum E @d"),
        ("extend input I { f: Int }", "extend input I {\n  f: Int\n}"),
        (
            "type T {\n  \"\"\"\n  Two\n  lines\n  \"\"\"\n  f: Int\n}",
            "type T {\n  \"\"\"\n  Two\n  lines\n  \"\"\"\n  f: Int\n}"
        ),
    ])
    func printsTypeSystemDocuments(body: String, printed: String) throws {
        #expect(try reprint(body) == printed)
    }

    @Test func printsStandaloneNodes() throws {
        #expect(try Parser("[Int!]").parseType().description == "[Int!]")
        #expect(try Parser("{a: [1.5, \"x\"]}").parseValue().description == "{a: [1.5, \"x\"]}")
    }
}
