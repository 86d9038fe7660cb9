import GraphQL
import Testing
@testable import Pipelines

@Suite struct ExpressionParserTests {
    struct SyntaxCase: Sendable, CustomTestStringConvertible {
        let text: String
        let message: String
        let offset: Int
        var testDescription: String { text }
    }

    @Test(arguments: [
        SyntaxCase(text: "", message: "empty expression", offset: 0),
        SyntaxCase(text: "args.", message: "expected a name after '.', found end of expression", offset: 5),
        SyntaxCase(text: "args.id ==", message: "expected a value, found end of expression", offset: 10),
        SyntaxCase(text: "a == b == c", message: "comparisons cannot be chained; use && between them", offset: 7),
        SyntaxCase(text: "'open", message: "unterminated string", offset: 0),
        SyntaxCase(text: "12abc", message: "a number cannot be followed by 'a'", offset: 2),
        SyntaxCase(text: "args.id # 1", message: "unexpected character '#'", offset: 8),
        SyntaxCase(text: "lower(args.x", message: "expected ')', found end of expression", offset: 12),
        SyntaxCase(text: "(1 ?? 2", message: "expected ')', found end of expression", offset: 7),
        SyntaxCase(text: "args.a args.b", message: "unexpected args after the expression", offset: 7),
        SyntaxCase(text: "'a\\q'", message: "unknown escape '\\q'", offset: 2),
        SyntaxCase(text: "[1, 2", message: "expected ']', found end of expression", offset: 5),
    ])
    func syntaxErrors(_ test: SyntaxCase) {
        #expect(throws: ExpressionSyntaxError(message: test.message, offset: test.offset)) {
            try ExpressionParser.parse(test.text)
        }
    }

    @Test func precedence() throws {
        let expression = try ExpressionParser.parse("!a.x || b.y && c.z ?? 1")
        guard case .binary(.coalesce, .binary(.or, .unary(.not, _, _), .binary(.and, _, _, _), _), _, _) = expression
        else {
            Issue.record("unexpected tree \(expression)")
            return
        }
    }

    struct EvaluationCase: Sendable, CustomTestStringConvertible {
        let text: String
        let expected: GraphQLValue
        var testDescription: String { text }
    }

    static let context = EvaluationContext(
        args: ["id": "7", "first": 5, "tags": ["a", "b"], "name": "Ada"],
        source: ["id": 7, "total": .float(12.5), "customer": ["name": "Grace"]],
        identity: ["sub": 42], stash: ["order": ["insertId": 99]], prev: "last")

    @Test(arguments: [
        EvaluationCase(text: "args.id", expected: "7"),
        EvaluationCase(text: "args.missing", expected: .null),
        EvaluationCase(text: "source.customer.name", expected: "Grace"),
        EvaluationCase(text: "args.id == source.id", expected: true),
        EvaluationCase(text: "args.first >= 5 && args.first < 6", expected: true),
        EvaluationCase(text: "source.total > 12", expected: true),
        EvaluationCase(text: "args.missing ?? 'fallback'", expected: "fallback"),
        EvaluationCase(text: "'a' in args.tags", expected: true),
        EvaluationCase(text: "!('c' in args.tags)", expected: true),
        EvaluationCase(text: "identity.sub != null", expected: true),
        EvaluationCase(text: "order.insertId", expected: 99),
        EvaluationCase(text: "stash.order.insertId", expected: 99),
        EvaluationCase(text: "prev", expected: "last"),
        EvaluationCase(text: "lower(args.name)", expected: "ada"),
        EvaluationCase(text: "upper(args.name)", expected: "ADA"),
        EvaluationCase(text: "len(args.tags)", expected: 2),
        EvaluationCase(text: "len(args.name)", expected: 3),
        EvaluationCase(text: "coalesce(args.missing, null, 3)", expected: 3),
        EvaluationCase(text: "toJSON(source.customer)", expected: "{\"name\":\"Grace\"}"),
        EvaluationCase(text: "[1, -2.5, 'x', true, null]", expected: [1, -2.5, "x", true, nil]),
        EvaluationCase(text: "-source.id", expected: -7),
        EvaluationCase(text: "args.missing < 3", expected: false),
    ])
    func evaluates(_ test: EvaluationCase) throws {
        let expression = CompiledExpression(text: test.text, expression: try ExpressionParser.parse(test.text))
        #expect(try expression.evaluate(in: Self.context) == test.expected)
    }

    @Test func nowAndUUIDHaveTheirForms() throws {
        let now = try CompiledExpression(text: "now()", expression: ExpressionParser.parse("now()"))
            .evaluate(in: Self.context)
        guard case .string(let text) = now else { throw ExpressionSyntaxError(message: "not a string", offset: 0) }
        #expect(text.count == 27 && text.hasSuffix("Z") && text.dropFirst(10).first == "T")
        let uuid = try CompiledExpression(text: "uuid()", expression: ExpressionParser.parse("uuid()"))
            .evaluate(in: Self.context)
        #expect(uuid.description.count == 38)
    }

    @Test func runtimeErrorsNameTheExpression() throws {
        let expression = CompiledExpression(text: "len(source.id)", expression: try ExpressionParser.parse("len(source.id)"))
        #expect(throws: EvaluationError(message: "len() takes a string or a list, not 7", expression: "len(source.id)")) {
            try expression.evaluate(in: Self.context)
        }
        let comparison = CompiledExpression(text: "args.name < 3", expression: try ExpressionParser.parse("args.name < 3"))
        #expect(throws: EvaluationError(message: "cannot compare \"Ada\" with 3", expression: "args.name < 3")) {
            try comparison.evaluate(in: Self.context)
        }
    }
}
