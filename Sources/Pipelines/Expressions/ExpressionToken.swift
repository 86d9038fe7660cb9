import GraphQL

/// One token of the expression language, with its offset in the expression text.
struct ExpressionToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case identifier(String)
        case number(GraphQLValue)
        case string(String)
        case symbol(String)
        case end
    }

    let kind: Kind
    let offset: Int

    var text: String {
        switch kind {
        case .identifier(let name): name
        case .number(let value): value.description
        case .string(let value): GraphQLValue.string(value).description
        case .symbol(let symbol): symbol
        case .end: "end of expression"
        }
    }
}

/// A syntax error inside an expression: what went wrong and the character offset where.
struct ExpressionSyntaxError: Error, Sendable, Hashable {
    let message: String
    let offset: Int
}
