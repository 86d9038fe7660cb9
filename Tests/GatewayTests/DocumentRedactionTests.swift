import Testing

@testable import Gateway

/// What `graphql.document` keeps of a document: its shape, never its literal values or comments.
@Suite("Document redaction")
struct DocumentRedactionTests {
    @Test(
        arguments: [
            ("{ hello }", "{ hello }"),
            (#"{ hello(name: "ada@example.com") }"#, #"{ hello(name: "<redacted>") }"#),
            (#"{ a(s: "q\"uote", t: "") }"#, #"{ a(s: "<redacted>", t: "<redacted>") }"#),
            ("{ a(s: \"\"\"block \\\"\"\" \"x\" \"\"\") }", #"{ a(s: "<redacted>") }"#),
            ("{ users(first: 12) { id } }", "{ users(first: 0) { id } }"),
            ("{ a(x: -1.5e3, y: [1, 2]) }", "{ a(x: 0, y: [0, 0]) }"),
            ("{ a1: f2(x: 3) }", "{ a1: f2(x: 0) }"),
            ("query Q($id: ID = 42) { user(id: $id) { id } }", "query Q($id: ID = 0) { user(id: $id) { id } }"),
            ("{ a # token 123\n b }", "{ a \n b }"),
            ("{ a(e: RED, b: true, n: null) }", "{ a(e: RED, b: true, n: null) }"),
            (#"{ a(o: {k: "v", n: 7}) }"#, #"{ a(o: {k: "<redacted>", n: 0}) }"#),
        ])
    func redacted(document: String, expected: String) {
        #expect(DocumentRedaction.redacted(document) == expected)
    }
}
