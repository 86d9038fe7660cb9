import Testing
@testable import Pipelines

@Suite struct SQLTemplateTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let sql: String
        let rendered: String
        let names: [String]
        var testDescription: String { sql }
    }

    @Test(arguments: [
        Case(sql: "SELECT * FROM t WHERE id = :id", rendered: "SELECT * FROM t WHERE id = ?", names: ["id"]),
        Case(sql: "SELECT ':no', \":nope\", `:x` FROM t WHERE a = :a AND b = :a",
             rendered: "SELECT ':no', \":nope\", `:x` FROM t WHERE a = ? AND b = ?", names: ["a", "a"]),
        Case(sql: "SELECT 1 -- :comment\nFROM t # :hash\nWHERE /* :block */ x = :x",
             rendered: "SELECT 1 -- :comment\nFROM t # :hash\nWHERE /* :block */ x = ?", names: ["x"]),
        Case(sql: "SELECT 'it''s :q', 'a\\' :b' FROM t WHERE c = :c",
             rendered: "SELECT 'it''s :q', 'a\\' :b' FROM t WHERE c = ?", names: ["c"]),
        Case(sql: "SELECT CAST(x AS CHAR) FROM t WHERE t.a=:a1_b", rendered: "SELECT CAST(x AS CHAR) FROM t WHERE t.a=?",
             names: ["a1_b"]),
    ])
    func rewritesPlaceholders(_ test: Case) {
        let (template, problems) = SQLTemplate.parse(test.sql)
        #expect(problems.isEmpty)
        #expect(template.rendered() == test.rendered)
        #expect(template.parameterNames == test.names)
    }

    @Test func keysExpandPerBucket() {
        let (template, _) = SQLTemplate.parse("SELECT * FROM o WHERE c IN (:keys) AND s = :s")
        let statements = KeyedStatements(template)
        #expect(statements.buckets.map(\.size) == [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024])
        #expect(statements.bucket(for: 3).text == "SELECT * FROM o WHERE c IN (?, ?, ?, ?) AND s = ?")
        #expect(statements.bucket(for: 1).text == "SELECT * FROM o WHERE c IN (?) AND s = ?")
        #expect(statements.parameterNames == ["keys", "s"])
    }

    @Test func splitsTheTrailingOrderBy() throws {
        let split = try #require(SQLTemplate.splitOrderBy(
            "SELECT * FROM (SELECT a FROM t ORDER BY a) x WHERE y = ':order by' ORDER BY created_at DESC, id"))
        #expect(split.body == "SELECT * FROM (SELECT a FROM t ORDER BY a) x WHERE y = ':order by' ")
        #expect(split.ordering == "created_at DESC, id")
        #expect(SQLTemplate.splitOrderBy("SELECT a FROM (SELECT a FROM t ORDER BY a) x") == nil)
    }

    @Test(arguments: [
        ("SELECT id, c.name AS customer_name, LOWER(email) email, `total` FROM t", ["id", "customer_name", "email", "total"]),
        ("SELECT * FROM t", nil),
        ("SELECT t.*, x FROM t", nil),
        ("UPDATE t SET a = 1", nil),
        ("SELECT COUNT(*) > :first AS more, CONCAT(a, ',', b) AS ab FROM t", ["more", "ab"]),
    ] as [(String, [String]?)])
    func knowsSelectedColumns(_ sql: String, _ columns: [String]?) {
        #expect(SQLTemplate.selectedColumns(sql) == columns)
    }

    @Test func questionMarksAreRejected() {
        let (_, problems) = SQLTemplate.parse("SELECT '?' FROM t WHERE a = ?")
        #expect(problems == [SQLTemplate.Problem(message: "write named placeholders (:name), not ?", offset: 28)])
    }
}
