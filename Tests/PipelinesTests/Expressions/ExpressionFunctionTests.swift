import GraphQL
import Testing
@testable import Pipelines

/// `encodeCursor(kind, key)` and `decodeCursor(kind, cursor)`: opaque connection cursors.
@Suite struct ExpressionFunctionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let expected: GraphQLValue
        var testDescription: String { text }
    }

    static let context = EvaluationContext(
        args: ["after": "Y3VzdG9tZXI6MTI=", "product": "cHJvZHVjdDoxMg==", "id": "12", "page": 12],
        source: ["id": "12", "list": [1]], identity: .null, stash: [:], prev: .null)

    @Test(arguments: [
        Case(text: "encodeCursor('customer', source.id)", expected: "Y3VzdG9tZXI6MTI="),
        Case(text: "encodeCursor('customer', args.page)", expected: "Y3VzdG9tZXI6MTI="),
        Case(text: "encodeCursor('customer', args.missing)", expected: .null),
        Case(text: "decodeCursor('customer', args.after)", expected: "12"),
        Case(text: "decodeCursor('customer', encodeCursor('customer', 'a:b'))", expected: "a:b"),
        // Another connection's cursor, a bare key, text that is not base64, and no cursor at all.
        Case(text: "decodeCursor('customer', args.product)", expected: .null),
        Case(text: "decodeCursor('customer', args.id)", expected: .null),
        Case(text: "decodeCursor('customer', 'not base64!')", expected: .null),
        Case(text: "decodeCursor('customer', 'Y3VzdG9tZXI6')", expected: .null),
        Case(text: "decodeCursor('customer', args.page)", expected: .null),
        Case(text: "decodeCursor('customer', args.missing)", expected: .null),
    ])
    func cursors(_ test: Case) throws {
        let expression = CompiledExpression(text: test.text, expression: try ExpressionParser.parse(test.text))
        #expect(try expression.evaluate(in: Self.context) == test.expected)
    }

    struct Failure: Sendable, CustomTestStringConvertible {
        let text: String
        let message: String
        var testDescription: String { text }
    }

    @Test(arguments: [
        Failure(text: "encodeCursor('customer', source.list)",
                message: "encodeCursor() takes a string or integer key, not [1]"),
        Failure(text: "encodeCursor('a:b', 1)",
                message: "a cursor's kind must be a non-empty string without ':', not \"a:b\""),
        Failure(text: "decodeCursor(args.missing, args.after)",
                message: "a cursor's kind must be a non-empty string without ':', not null"),
    ])
    func badKindsAndKeysNameTheExpression(_ test: Failure) throws {
        let expression = CompiledExpression(text: test.text, expression: try ExpressionParser.parse(test.text))
        #expect(throws: EvaluationError(message: test.message, expression: test.text)) {
            try expression.evaluate(in: Self.context)
        }
    }
}
